// Override rates over time and by reason, for team leads.
import { api, escape, fmt, say, settings, showFieldErrors } from './api.js';
import { REASONS, dutchReason } from './nl.js';
import { barChart, overrideChart } from './charts.js';

const $ = id => document.getElementById(id);
const form = $('filter');
const PERIOD_WORDS = { MONTH: 'maand', WEEK: 'week' };
const monthName = new Intl.DateTimeFormat('nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', timeZone: 'UTC' });

form.municipalityCode.value = settings().municipalityCode ?? '';

form.addEventListener('submit', event => {
  event.preventDefault();
  show();
});

async function show() {
  const code = form.municipalityCode.value.trim().toUpperCase();
  if (!/^GM\d{4}$/.test(code)) {
    showFieldErrors(form, [{ name: 'municipalityCode', message: dutchReason('municipalityCode') }]);
    return;
  }
  showFieldErrors(form, []);
  try {
    const rates = await api(`/override-rates?municipalityCode=${code}&period=${form.period.value}`);
    render(rates);
  } catch (error) {
    if (error.fields.length) showFieldErrors(form, error.fields);
    say($('melding'), error.message, 'fout');
  }
}

function render(rates) {
  const word = PERIOD_WORDS[rates.period];
  if (rates.decisions === 0) {
    say($('melding'), `Nog geen besluiten vastgelegd in ${rates.municipalityCode}.`, 'let-op');
    $('resultaat').hidden = true;
    return;
  }
  const rate = rates.overrideRate;
  const warning = rates.decisions >= 50 && rate < 0.02
    ? ' Let op: bijna nooit een afwijking. Wordt het advies afgetekend zonder eigen oordeel?'
    : rate > 0.5 ? ' Let op: meer dan de helft wijkt af. Past het advies nog bij de praktijk?' : '';
  say($('melding'), warning.trim(), warning ? 'let-op' : '');
  $('totaal').textContent = `${rates.municipalityCode}: ${rates.overrides} van ${rates.decisions} besluiten weken af van het advies (${fmt.percent(rate)}).`;
  const name = p => (rates.period === 'WEEK' ? `week van ${shortDate.format(new Date(p.start))}` : monthName.format(new Date(p.start)));
  $('tijd-grafiek').replaceChildren(overrideChart(rates.periods, word, name));
  $('tijd-tabel').innerHTML = `<thead><tr><th scope="col">${word === 'week' ? 'Week' : 'Maand'}</th><th scope="col" class="getal">Besluiten</th>
    <th scope="col" class="getal">Afwijkingen</th><th scope="col" class="getal">Percentage</th></tr></thead><tbody>${rates.periods.map(p =>
    `<tr><td>${escape(name(p))}</td><td class="getal">${p.decisions}</td><td class="getal">${p.overrides}</td>
      <td class="getal">${p.overrideRate === null ? '–' : fmt.percent(p.overrideRate)}</td></tr>`).join('')}</tbody>`;
  const reasons = rates.reasons.map(r => ({ label: REASONS[r.reasonCode], value: r.overrides,
    text: `${r.overrides}${r.share === null ? '' : ` (${fmt.percent(r.share)})`}` }));
  $('reden-grafiek').replaceChildren(barChart(reasons, 'Aantal afwijkingen per reden'));
  $('reden-tabel').innerHTML = `<thead><tr><th scope="col">Reden</th><th scope="col" class="getal">Afwijkingen</th></tr></thead><tbody>${
    reasons.map(r => `<tr><td>${escape(r.label)}</td><td class="getal">${escape(r.text)}</td></tr>`).join('')}</tbody>`;
  $('resultaat').hidden = false;
}

if (form.municipalityCode.value) show();

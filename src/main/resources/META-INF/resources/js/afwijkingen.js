// Override rates over time and by reason, for team leads.
import { api, escape, fmt, say, settings, showFieldErrors } from './api.js';
import { REASONS, dutchReason } from './nl.js';
import { barChart, overrideChart } from './charts.js';

const $ = id => document.getElementById(id);
const form = $('filter');
const PERIOD_WORDS = { MONTH: 'maand', WEEK: 'week' };
// The service judges the overall rate by its documented bands; the page only words the verdict.
const SIGNALS = {
  RUBBER_STAMPING: 'Let op: bijna nooit een afwijking (minder dan 2 %). Wordt het advies afgetekend zonder eigen oordeel?',
  ADVICE_NOT_TRUSTED: 'Let op: meer dan de helft wijkt af. Past het advies nog bij de praktijk?',
};
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
  const warning = SIGNALS[rates.signal] ?? '';
  say($('melding'), warning, warning ? 'let-op' : '');
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
  $('advies-tabel').innerHTML = `<thead><tr><th scope="col">Eerste advies</th><th scope="col" class="getal">Besluiten</th>
    <th scope="col" class="getal">Afwijkingen</th><th scope="col" class="getal">Percentage</th></tr></thead><tbody>${rates.advised.map(a =>
    `<tr><td>${escape(names.get(a.interventionCode) ?? a.interventionCode)}</td><td class="getal">${a.decisions}</td>
      <td class="getal">${a.overrides}</td><td class="getal">${fmt.percent(a.overrideRate)}</td></tr>`).join('')}</tbody>`;
  $('daarna-tabel').innerHTML = `<thead><tr><th scope="col">Besluit</th><th scope="col" class="getal">Besluiten</th>
    <th scope="col" class="getal">Na 12 maanden bekend</th><th scope="col" class="getal">Daarvan betaald werk</th></tr></thead><tbody>${
    rates.afterwards.map(a => `<tr><td>${a.overridden ? 'Afgeweken van het advies' : 'Advies gevolgd'}</td>
      <td class="getal">${a.decisions}</td><td class="getal">${a.labelled}</td>
      <td class="getal">${a.share === null ? '–' : `${a.workedWithin12Months} (${fmt.percent(a.share)})`}</td></tr>`).join('')}</tbody>`;
  $('resultaat').hidden = false;
}

/** Dutch names of the interventions, for the table per advice. */
const names = new Map();
async function loadNames() {
  try {
    const catalogue = await api('/interventions');
    catalogue.items.forEach(i => names.set(i.code, i.dutchName));
  } catch {
    // without the catalogue the codes are shown: still correct, only less readable
  }
}

await loadNames();
if (form.municipalityCode.value) show();

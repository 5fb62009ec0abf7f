// The team lead's page: the places and budget of a period, an allocation run and what it shows.
import { api, escape, fmt, interventions, say, settings, showFieldErrors } from './api.js';
import { dutchReason } from './nl.js';
import { barChart } from './charts.js';

const $ = id => document.getElementById(id);
const forms = { plan: $('plan'), run: $('verdelen') };
const notice = $('melding');
const GROUPS = {
  GENDER: 'geslacht', MIGRATION_BACKGROUND: 'migratieachtergrond', FEMALE: 'vrouw', MALE: 'man', X: 'X',
  NONE: 'geen migratieachtergrond', EUROPE: 'Europa', OUTSIDE_EUROPE: 'buiten Europa',
};
const RULES = {
  KLANTMANAGERS: 'Wat klantmanagers zelf kozen', PROPOSAL: 'Voorstel van Trede', RANDOM: 'Willekeurig, zelfde plaatsen',
  LARGEST_AVERAGE_EFFECT: 'Plaatsen vullen op grootste gemiddelde effect',
};
const decimals = (x, n) => x.toLocaleString('nl-NL', { minimumFractionDigits: n, maximumFractionDigits: n });
const share = x => (x === null || x === undefined ? '–' : fmt.percent(x));
const interval = g => `${decimals(g.placements, 1)} (${decimals(g.lower, 1)} tot ${decimals(g.upper, 1)})`;

let catalogue;

function where() {
  const municipalityCode = forms.plan.municipalityCode.value.trim().toUpperCase();
  const period = forms.plan.period.value.trim().toUpperCase();
  const errors = [];
  if (!/^GM\d{4}$/.test(municipalityCode)) errors.push({ name: 'municipalityCode', message: dutchReason('municipalityCode') });
  if (!/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/.test(period)) errors.push({ name: 'period', message: 'Vul een kwartaal in zoals 2026-Q4, of een maand zoals 2026-11.' });
  return { municipalityCode, period, errors };
}

function renderPlaces(plan) {
  const byCode = new Map((plan?.places ?? []).map(p => [p.interventionCode, p]));
  forms.plan.querySelector('tbody').innerHTML = [...catalogue.values()].filter(i => i.code !== 'NONE').map(i => {
    const p = byCode.get(i.code);
    return `<tr data-code="${i.code}"><th scope="row"><label for="plaatsen-${i.code}">${escape(i.dutchName)}</label></th>
      <td><input type="number" min="0" step="1" id="plaatsen-${i.code}" name="places" value="${p ? p.places : ''}"></td>
      <td><input type="number" min="0" step="50" id="kosten-${i.code}" name="costEuros" aria-label="Kosten per plaats, ${escape(i.dutchName)}"
        value="${p ? p.costEuros : ''}" placeholder="${i.costEuros}"></td></tr>`;
  }).join('');
  forms.plan.budgetEuros.value = plan ? plan.budgetEuros : '';
}

async function fetchPlan() {
  const { municipalityCode, period, errors } = where();
  showFieldErrors(forms.plan, errors);
  if (errors.length) return;
  try {
    const plan = await api(`/capacity-plans/${municipalityCode}/${period}`);
    renderPlaces(plan);
    say(notice, `Plan van ${period} opgehaald (versie ${plan.version}).`, 'goed');
  } catch (error) {
    if (error.status !== 404) return say(notice, error.message, 'fout');
    renderPlaces(null);
    say(notice, `Voor ${period} is nog geen plan. Vul de plaatsen en het budget in.`, 'let-op');
  }
}

$('ophalen').addEventListener('click', fetchPlan);

forms.plan.addEventListener('submit', async event => {
  event.preventDefault();
  const { municipalityCode, period, errors } = where();
  const budget = forms.plan.budgetEuros.value;
  if (budget === '' || Number(budget) < 0) errors.push({ name: 'budgetEuros', message: 'Vul het budget in euro in (0 of meer).' });
  showFieldErrors(forms.plan, errors);
  if (errors.length) return;
  const places = [...forms.plan.querySelectorAll('tbody tr')].map(row => ({
    interventionCode: row.dataset.code, places: Number(row.querySelector('[name="places"]').value || 0),
    cost: row.querySelector('[name="costEuros"]').value,
  })).filter(p => p.places > 0).map(({ cost, ...p }) => (cost === '' ? p : { ...p, costEuros: Number(cost) }));
  try {
    const plan = await api(`/capacity-plans/${municipalityCode}/${period}`, { method: 'PUT', body: { budgetEuros: Number(budget), places } });
    say(notice, `Plan van ${period} opgeslagen (versie ${plan.version}).`, 'goed');
  } catch (error) {
    if (error.fields.length) showFieldErrors(forms.plan, error.fields);
    say(notice, error.message, 'fout');
  }
});

forms.run.addEventListener('submit', async event => {
  event.preventDefault();
  const { municipalityCode, period, errors } = where();
  showFieldErrors(forms.plan, errors);
  const ratio = Number(forms.run.minimumRatio.value);
  const runErrors = forms.run.attribute.value && !(ratio > 0 && ratio <= 1)
    ? [{ name: 'minimumRatio', message: 'Vul een getal boven 0 en hoogstens 1 in, bijvoorbeeld 0,8.' }] : [];
  showFieldErrors(forms.run, runErrors);
  if (errors.length || runErrors.length) return;
  const body = { municipalityCode, period, horizonMonths: Number(forms.run.querySelector('[name="horizonMonths"]:checked').value) };
  if (forms.run.attribute.value) body.fairnessLimits = [{ attribute: forms.run.attribute.value, minimumRatio: ratio }];
  const button = forms.run.querySelector('button[type="submit"]');
  button.disabled = true;
  say(notice, 'Trede maakt de verdeling…');
  try {
    const created = await api('/allocation-runs', { method: 'POST', body });
    const run = await api(`/allocation-runs/${created.id}`);
    render(run, Boolean(body.fairnessLimits));
    say(notice, `Verdeling van ${period} gemaakt over ${run.summary.cohortSize} klanten.`, 'goed');
    $('opbrengst-kop').focus();
  } catch (error) {
    if (error.fields.length) showFieldErrors(forms.run, error.fields);
    say(notice, error.status === 409 ? `Er is nog geen plan voor ${period}: sla eerst de plaatsen en het budget op.` : error.message, 'fout');
  } finally {
    button.disabled = false;
  }
});

const name = code => (code === 'NONE' ? 'geen interventie' : catalogue.get(code)?.dutchName ?? code);

function render(run, limitAsked) {
  const s = run.summary;
  $('samenvatting').textContent = `Naar verwachting ${decimals(s.expectedGain.placements, 1)} klanten extra aan het werk binnen `
    + `${run.horizonMonths} maanden (95 %: ${decimals(s.expectedGain.lower, 1)} tot ${decimals(s.expectedGain.upper, 1)}), tegenover niemand iets geven. `
    + `${s.treated} van de ${s.cohortSize} klanten krijgen een plaats; kosten ${fmt.euros(s.costEuros)} van ${fmt.euros(s.budgetEuros)}. `
    + `${s.nearTies} bijna-gelijkspelen`
    + (run.tieRandomisationChangeId ? '; om de laatste plaatsen is tussen bijna-gelijke klanten geloot.' : '.');
  const curve = s.gainAgainstBudget.map(p => ({ label: fmt.euros(p.budgetEuros), value: p.placements, text: decimals(p.placements, 1) }));
  $('budget-grafiek').replaceChildren(barChart(curve, 'Verwacht aantal klanten extra aan het werk per budget'));
  $('budget-tabel').innerHTML = `<thead><tr><th scope="col">Budget</th><th scope="col" class="getal">Klanten extra aan het werk</th></tr></thead>
    <tbody>${curve.map(p => `<tr><td>${escape(p.label)}</td><td class="getal">${escape(p.text)}</td></tr>`).join('')}</tbody>`;
  $('prijzen-tabel').innerHTML = `<thead><tr><th scope="col">Grens</th><th scope="col" class="getal">Beschikbaar</th><th scope="col" class="getal">Gebruikt</th>
    <th scope="col" class="getal">Extra klanten aan het werk per plaats of € 1.000 meer</th></tr></thead><tbody>${s.shadowPrices.map(p =>
    `<tr><td>${p.constraint === 'BUDGET' ? 'Budget' : `Plaatsen ${escape(name(p.interventionCode))}`}</td>
      <td class="getal">${p.constraint === 'BUDGET' ? fmt.euros(p.limit) : p.limit}</td>
      <td class="getal">${p.constraint === 'BUDGET' ? fmt.euros(p.used) : p.used}</td><td class="getal">${decimals(p.placementsPerUnit, 3)}</td></tr>`).join('')}</tbody>`;
  $('eerlijk').innerHTML = s.fairness.length === 0
    ? `<p>${limitAsked ? 'Van geen enkele klant is dit gegeven vastgelegd: de grens kon niets doen.'
      : 'Deze verdeling is gemaakt zonder eerlijkheidsgrens.'}</p>`
    : `<table id="eerlijk-tabel"><thead><tr><th scope="col">Groep</th><th scope="col" class="getal">Aandeel in de groep klanten</th>
      <th scope="col" class="getal">Aandeel in de plaatsen, met grens</th><th scope="col" class="getal">Zonder grens</th>
      <th scope="col" class="getal">Kost (klanten minder aan het werk)</th></tr></thead><tbody>${s.fairness.map(f =>
      `<tr><td>${escape(GROUPS[f.attribute])}: ${escape(GROUPS[f.group] ?? f.group)}${f.interventionCode ? ` (${escape(name(f.interventionCode))})` : ''}</td>
        <td class="getal">${share(f.cohortShare)}</td><td class="getal">${share(f.recipientShare)}</td>
        <td class="getal">${share(f.recipientShareWithoutLimits)}</td><td class="getal">${decimals(f.costPlacements, 2)}</td></tr>`).join('')}</tbody></table>
      <p class="klein">Minimaal deel ${decimals(s.fairness[0].minimumRatio, 2)}. Klanten van wie dit niet is vastgelegd, tellen niet mee.</p>`;
  $('vergelijking').innerHTML = comparison(s.comparison, run.horizonMonths);
  $('voorstel-tabel').innerHTML = `<thead><tr><th scope="col">Intake</th><th scope="col">Voorstel</th><th scope="col">Eigen beste</th>
    <th scope="col" class="getal">Verwacht effect (procentpunt)</th><th scope="col">Bijna-gelijkspel</th></tr></thead><tbody>${run.proposals.map(p =>
    `<tr><td><code>${escape(p.intakeId.slice(0, 8))}</code></td><td>${escape(name(p.interventionCode))}</td><td>${escape(name(p.ownBestInterventionCode))}</td>
      <td class="getal">${p.expectedEffect ? fmt.points(p.expectedEffect.pointEstimate) : '–'}</td>
      <td>${p.nearTie ? `ja, met ${escape(name(p.nearTieWith))}` : 'nee'}${p.drawProbability != null
        ? ` (geloot, kans ${fmt.percent(p.drawProbability)})` : ''}</td></tr>`).join('')}</tbody>`;
  $('resultaat').hidden = false;
}

function comparison(c, horizon) {
  if (!c) return '<p>Niet berekend voor deze verdeling.</p>';
  if (c.status === 'NO_LEARNED_EFFECT_MODEL') return '<p>Het actieve effectmodel kan deze vergelijking niet maken.</p>';
  if (c.status === 'TOO_FEW_OUTCOMES') {
    return `<p>Nog niet te zeggen: van de ${c.decisions} besluiten in ${escape(c.basisPeriod)} is van ${c.withOutcome} bekend of de klant binnen
      ${horizon} maanden werk had (${c.horizonNotReached} nog te kort geleden). Trede vergelijkt pas vanaf 100 bekende uitkomsten.</p>`;
  }
  return `<p class="uitleg">De klanten van ${escape(c.basisPeriod)} met een bekende uitkomst (${c.withOutcome}), met de plaatsen die klantmanagers toen
      gaven. Geschat uit de vastgelegde uitkomsten (dubbel robuust); de marge is 95 %.</p>
    <table id="vergelijking-tabel"><thead><tr><th scope="col">Verdeling</th><th scope="col" class="getal">Klanten aan het werk</th>
      <th scope="col" class="getal">Verschil met klantmanagers</th></tr></thead><tbody>${c.rules.map(r =>
      `<tr><td>${escape(RULES[r.rule])}</td><td class="getal">${interval(r.inPaidWork)}</td>
        <td class="getal">${r.rule === 'KLANTMANAGERS' ? '–' : interval(r.gainOverKlantmanagers)}</td></tr>`).join('')}</tbody></table>`;
}

catalogue = await interventions();
forms.plan.municipalityCode.value = settings().municipalityCode ?? '';
renderPlaces(null);

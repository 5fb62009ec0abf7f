// Model versions with their cards, calibration, subgroups and effect curves. The cards' JSON shape
// belongs to the training command and may grow: read it defensively, show what is there.
import { api, escape, fmt, interventions, say } from './api.js';
import { barChart, calibrationPlot, effectCurve } from './charts.js';
import { renderRegistry, showReport } from './modelregister.js';
import { renderShadowComparison } from './schaduw.js';
import { renderTrainingRuns } from './trainingsruns.js';

const $ = id => document.getElementById(id);

const KINDS = { distance: 'Afstandsmodel', effects: 'Effectmodel' };
const ATTRIBUTES = { gender: 'geslacht', migrationBackground: 'migratieachtergrond' };
const GROUPS = { true: 'ja', false: 'nee', FEMALE: 'vrouw', MALE: 'man', OTHER: 'anders' };

/** The first value found at one of the dotted paths. */
function pick(node, ...paths) {
  for (const path of paths) {
    const value = path.split('.').reduce((n, key) => (n == null ? undefined : n[key]), node);
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/** The first array anywhere in the JSON whose elements are all objects that fit the test. */
function findRows(node, fits) {
  if (Array.isArray(node)) {
    if (node.length && node.every(o => o && typeof o === 'object' && fits(o))) return node;
    for (const child of node) { const found = findRows(child, fits); if (found) return found; }
  } else if (node && typeof node === 'object') {
    for (const child of Object.values(node)) { const found = findRows(child, fits); if (found) return found; }
  }
  return null;
}

// Subgroup rows also carry mean predicted and observed rates: calibration bins are the rows without a group.
const isCalibrationBin = o => 'meanPredicted' in o && 'observedRate' in o && !('attribute' in o);
const isSubgroup = o => 'attribute' in o && 'group' in o;
const isCandidate = o => 'validationAuc' in o;

const three = x => (typeof x === 'number' ? x.toFixed(3).replace('.', ',') : '–');
const number = x => (Number.isInteger(x) ? String(x) : three(x));

function metrics(card) {
  const auc = pick(card, 'heldOut.auc', 'heldOutAuc', 'auc');
  const bayes = pick(card, 'heldOut.bayesOptimalAuc', 'bayesOptimalAuc');
  const rows = [
    ['Voorspelt', pick(card, 'predicts')],
    ['Schat', pick(card, 'estimates')],
    ['AUC op nieuwe klanten', auc === undefined ? undefined : three(auc)],
    ['Best haalbare AUC (Bayes-optimaal)', bayes === undefined ? undefined : three(bayes)],
    ['Kalibratiefout (ECE)', three(pick(card, 'heldOut.expectedCalibrationError', 'expectedCalibrationError'))],
    ['Brier-score', three(pick(card, 'heldOut.brier', 'brier'))],
    ['Getraind op', [pick(card, 'trainingData.source', 'trainedOn'), pick(card, 'trainingData.generatorSeed') === undefined ? null
      : `seed ${pick(card, 'trainingData.generatorSeed')}`].filter(Boolean).join(', ') || undefined],
    ['Beoogd gebruik', pick(card, 'intendedUse')],
    ['SHA-256 van het modelbestand', pick(card, 'modelSha256', 'sha256')],
  ].filter(([, v]) => v !== undefined && v !== '–');
  return { auc, bayes, html: `<dl class="cijfers">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${escape(v)}</dd>`).join('')}</dl>` };
}

function calibrationFigure(json) {
  const bins = findRows(json, isCalibrationBin);
  if (!bins) return null;
  const figure = document.createElement('figure');
  figure.className = 'kalibratie';
  figure.innerHTML = `<figcaption>Kalibratie: klopt de voorspelde kans?</figcaption>
    <p class="klein">Op de stippellijn is de voorspelling precies goed. Grotere stip: meer klanten.</p>
    <details><summary>Cijfers als tabel</summary><table><thead><tr><th scope="col">Voorspeld</th><th scope="col">Werkelijk</th><th scope="col" class="getal">Klanten</th></tr></thead>
    <tbody>${bins.map(b => `<tr><td>${fmt.percent(b.meanPredicted)}</td><td>${fmt.percent(b.observedRate)}</td><td class="getal">${b.n ?? '–'}</td></tr>`).join('')}</tbody></table></details>`;
  figure.insertBefore(calibrationPlot(bins), figure.querySelector('p'));
  return figure;
}

function subgroupTable(json) {
  const rows = findRows(json, isSubgroup);
  if (!rows) return '';
  const body = rows.map(r => {
    const gap = typeof r.meanPredicted === 'number' && typeof r.observedRate === 'number' ? r.meanPredicted - r.observedRate : null;
    const flagged = gap !== null && Math.abs(gap) > 0.02;
    return `<tr><td>${escape(ATTRIBUTES[r.attribute] ?? r.attribute)}</td><td>${escape(GROUPS[r.group] ?? r.group)}</td>
      <td class="getal">${r.n ?? '–'}</td><td class="getal">${three(r.auc)}</td><td class="getal">${three(r.bayesOptimalAuc)}</td>
      <td class="getal">${typeof r.meanPredicted === 'number' ? fmt.percent(r.meanPredicted) : '–'}</td>
      <td class="getal">${typeof r.observedRate === 'number' ? fmt.percent(r.observedRate) : '–'}</td>
      <td class="getal${flagged ? ' opvallend' : ''}">${gap === null ? '–' : `${fmt.points(gap * 100)} pp${flagged ? ' (let op)' : ''}`}</td></tr>`;
  }).join('');
  return `<h3>Subgroepen</h3>
    <p class="klein">Deze kenmerken gebruikt het model nooit; ze zijn alleen bewaard om te controleren of het voor iedere groep even goed werkt.
      “Verschil” is voorspeld min werkelijk; meer dan 2 procentpunt is gemarkeerd.</p>
    <table class="subgroepen"><thead><tr><th scope="col">Kenmerk</th><th scope="col">Groep</th><th scope="col" class="getal">Klanten</th>
      <th scope="col" class="getal">AUC</th><th scope="col" class="getal">Best haalbaar</th><th scope="col" class="getal">Voorspeld</th>
      <th scope="col" class="getal">Werkelijk</th><th scope="col" class="getal">Verschil</th></tr></thead><tbody>${body}</tbody></table>`;
}

function candidateTable(json) {
  const rows = findRows(json, isCandidate);
  if (!rows) return '';
  return `<h3>Vergeleken kandidaten</h3><table class="kandidaten"><thead><tr><th scope="col">Kandidaat</th><th scope="col" class="getal">AUC (validatie)</th>
    <th scope="col" class="getal">Log-loss (validatie)</th><th scope="col">Gekozen</th></tr></thead><tbody>${rows.map(r =>
    `<tr><td>${escape(r.name ?? r.trainer ?? '')}</td><td class="getal">${three(r.validationAuc)}</td>
      <td class="getal">${three(r.validationLogLoss)}</td><td>${r.chosen ? 'ja' : ''}</td></tr>`).join('')}</tbody></table>`;
}

/** The effect model's card: each intervention's average effect beside the simulation's truth and the naive difference. */
function effectTable(card, names) {
  if (!Array.isArray(card.arms)) return '';
  const ci = (v, lo, hi) => `${fmt.points(v)} (${fmt.points(lo)} tot ${fmt.points(hi)})`;
  return `<h3>Gemiddelde effecten tegen de werkelijkheid van de simulatie</h3>
    <p class="klein">Procentpunten op de kans op betaald werk, onder klanten die ervoor in aanmerking komen. Het naïeve verschil
      vergelijkt wie het kreeg met wie niet, en telt zo de selectie door klantmanagers mee als effect.</p>
    <table><thead><tr><th>Interventie</th><th>Na</th><th class="getal">Geleerd effect (95 %)</th><th class="getal">Echt effect</th>
      <th class="getal">Naïef verschil</th><th class="getal">Buiten bereik</th></tr></thead><tbody>${card.arms.map(a => `<tr>
      <td>${escape(names.get(a.intervention) ?? a.intervention)}</td><td>${a.horizonMonths} mnd</td>
      <td class="getal">${ci(a.ate, a.ateLower, a.ateUpper)}${a.ateCovered ? '' : ' <span class="opvallend">mist</span>'}</td>
      <td class="getal">${fmt.points(a.trueAte)}</td><td class="getal">${fmt.points(a.naiveDifference)}</td>
      <td class="getal">${fmt.percent(a.offSupportShare)}</td></tr>`).join('')}</tbody></table>`;
}

/** Share of the best possible gain (the oracle's) that following the advice achieves, per horizon. */
function policyFigure(card) {
  if (!Array.isArray(card.policy)) return null;
  const figure = document.createElement('figure');
  figure.innerHTML = '<figcaption>Wat het advies oplevert, als deel van het best haalbare</figcaption>'
    + '<p class="legenda">Winst boven "geen interventie" als iedere klant het bovenste advies volgt, gedeeld door de winst als iedere klant '
    + 'precies de voor hem beste interventie krijgt (alleen te meten in de simulatie).</p>';
  figure.append(barChart(card.policy.flatMap(p => [
    { label: `advies, ${p.horizonMonths} mnd`, value: p.recommendedShareOfOracle, text: fmt.percent(p.recommendedShareOfOracle) },
    { label: `naïef, ${p.horizonMonths} mnd`, value: p.naiveShareOfOracle, text: fmt.percent(p.naiveShareOfOracle) },
  ]), card.policy.map(p => `na ${p.horizonMonths} maanden ${fmt.percent(p.recommendedShareOfOracle)} van het best haalbare`).join('; '),
  { from: 0, to: 1 }));
  return figure;
}

function renderCard(entry, names) {
  const { card } = entry;
  const section = document.createElement('section');
  section.className = 'blok modelkaart';
  section.setAttribute('aria-labelledby', `kaart-${entry.modelVersion}`);
  const { auc, bayes, html } = metrics(card);
  const integrity = entry.registryHashMatches ? 'klopt met het register' : '<span class="opvallend">klopt NIET met het register</span>';
  const limits = pick(card, 'knownLimits');
  section.innerHTML = `<h2 id="kaart-${escape(entry.modelVersion)}">${escape(entry.modelVersion)}${entry.active ? ' (actief)' : ''}</h2>
    <p class="klein">${escape(KINDS[entry.kind] ?? entry.kind)} · kaart ${integrity}</p>
    ${html}<div class="grafieken"></div>${subgroupTable(card)}${candidateTable(card)}${effectTable(card, names)}
    ${Array.isArray(limits) ? `<h3>Bekende beperkingen</h3><ul>${limits.map(l => `<li lang="en">${escape(l)}</li>`).join('')}</ul>` : ''}
    <details><summary>Volledige modelkaart (JSON)</summary><pre>${escape(JSON.stringify(card, null, 2))}</pre></details>`;
  const pictures = section.querySelector('.grafieken');
  if (typeof auc === 'number' && typeof bayes === 'number') {
    const figure = document.createElement('figure');
    figure.innerHTML = '<figcaption>Onderscheidend vermogen (AUC) naast het best haalbare</figcaption>'
      + '<p class="legenda">De balk begint bij 0,5: zo goed als gokken. 1 is perfect.</p>';
    figure.append(barChart([{ label: 'dit model', value: auc, text: three(auc) },
      { label: 'best haalbaar (echte kansen)', value: bayes, text: three(bayes) }], `AUC ${three(auc)}, best haalbaar ${three(bayes)}`,
    { from: 0.5, to: 1 }));
    pictures.append(figure);
  }
  const calibration = calibrationFigure(card);
  if (calibration) pictures.prepend(calibration);
  const policy = policyFigure(card);
  if (policy) pictures.append(policy);
  return section;
}

function renderEvaluation({ file, report }) {
  const div = document.createElement('div');
  const scalars = Object.entries(report).filter(([, v]) => v === null || typeof v !== 'object');
  div.innerHTML = `<h3>${escape(file)}</h3>
    <dl class="cijfers">${scalars.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(typeof v === 'number' ? number(v) : v)}</dd>`).join('')}</dl>
    <div class="grafieken"></div>${subgroupTable(report)}
    <details><summary>Volledig rapport (JSON)</summary><pre>${escape(JSON.stringify(report, null, 2))}</pre></details>`;
  const calibration = calibrationFigure(report);
  if (calibration) div.querySelector('.grafieken').append(calibration);
  return div;
}

/**
 * One curve per intervention: the active effect model's learned average effect where it has one,
 * otherwise the catalogue's literature prior; each figure says which.
 */
function renderEffectCurves(catalogue, effectCard) {
  const learned = new Map();
  for (const arm of effectCard?.arms ?? []) {
    const entry = learned.get(arm.intervention) ?? {};
    entry[arm.horizonMonths] = { value: arm.ate, sd: (arm.ateUpper - arm.ateLower) / 3.92 };
    learned.set(arm.intervention, entry);
  }
  const curves = [...catalogue.values()].filter(i => i.code !== 'NONE').map(i => {
    const l = learned.get(i.code);
    return l?.[12] && l?.[24]
      ? { i, at12: l[12].value, at24: l[24].value, sd: Math.max(l[12].sd, l[24].sd), source: `geleerd (${effectCard.modelVersion})` }
      : { i, at12: i.prior.effect12Months, at24: i.prior.effect24Months, sd: i.prior.standardDeviation, source: 'literatuurprior' };
  });
  const values = curves.flatMap(c => [c.at12, c.at24].flatMap(v => [v - 1.96 * c.sd, v + 1.96 * c.sd]));
  const domain = [Math.floor(Math.min(0, ...values)), Math.ceil(Math.max(0, ...values))];
  $('effecten').replaceChildren(...curves.map(({ i, at12, at24, sd, source }) => {
    const figure = document.createElement('figure');
    figure.innerHTML = `<figcaption>${escape(i.dutchName)}</figcaption>`;
    figure.append(effectCurve(i.dutchName, at12, at24, sd, domain));
    figure.append(Object.assign(document.createElement('p'), { className: 'klein', textContent: `Bron: ${source}. Bewijs: ${i.evidenceLevelLabel}` }));
    return figure;
  }));
  if (learned.size) {
    $('effecten-bron').innerHTML = `Bron: het actieve effectmodel <strong>${escape(effectCard.modelVersion)}</strong>, geleerd uit een
      <strong>gesimuleerde</strong> geschiedenis (gemiddeld effect onder wie ervoor in aanmerking komt); waar het model niets geleerd heeft,
      de literatuurprior uit de interventiecatalogus. De literatuurpriors zijn <strong>indicatieve aannames</strong>, geen gemeten
      Nederlandse effecten.`;
  }
}

try {
  const [{ overview, redraw }, catalogue] = await Promise.all([renderRegistry(() => api('/models'),
    drawn => renderShadowComparison(drawn).catch(error => say($('melding'), error.message, 'fout'))), interventions()]);
  renderTrainingRuns(async version => { await redraw(); await showReport(version); })
    .catch(error => say($('run-melding'), error.message, 'fout'));
  const cards = [...overview.cards].sort((a, b) => Number(b.active) - Number(a.active) || b.modelVersion.localeCompare(a.modelVersion));
  if (cards.length === 0) say($('melding'), 'Er staan nog geen modelkaarten in het modelregister.', 'let-op');
  const names = new Map([...catalogue.values()].map(i => [i.code, i.dutchName]));
  $('kaarten').replaceChildren(...cards.map(entry => renderCard(entry, names)));
  if (overview.evaluations.length) {
    $('evaluaties').replaceChildren(...overview.evaluations.map(renderEvaluation));
    $('evaluaties-blok').hidden = false;
  }
  renderEffectCurves(catalogue, cards.find(c => c.active && Array.isArray(c.card.arms))?.card);
} catch (error) {
  say($('melding'), error.message, 'fout');
}

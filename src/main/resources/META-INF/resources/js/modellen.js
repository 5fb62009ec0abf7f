// Model versions with their cards, calibration, subgroups and effect curves. The cards' JSON shape
// belongs to the training command and may grow: read it defensively, show what is there.
import { api, escape, fmt, interventions, say } from './api.js';
import { barChart, calibrationPlot, effectCurve } from './charts.js';

const $ = id => document.getElementById(id);

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

function renderCard(entry) {
  const { card } = entry;
  const section = document.createElement('section');
  section.className = 'blok modelkaart';
  section.setAttribute('aria-labelledby', `kaart-${entry.modelVersion}`);
  const { auc, bayes, html } = metrics(card);
  const integrity = entry.registryHashMatches === null ? 'niet in het register'
    : entry.registryHashMatches ? 'klopt met het register' : '<span class="opvallend">klopt NIET met het register</span>';
  const limits = pick(card, 'knownLimits');
  section.innerHTML = `<h2 id="kaart-${escape(entry.modelVersion)}">${escape(entry.modelVersion)}${entry.active ? ' (actief)' : ''}</h2>
    <p class="klein">Bestand ${escape(entry.file)} · kaart ${integrity}</p>
    ${html}<div class="grafieken"></div>${subgroupTable(card)}${candidateTable(card)}
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

function renderEffectCurves(catalogue) {
  const items = [...catalogue.values()].filter(i => i.code !== 'NONE');
  const values = items.flatMap(i => [i.prior.effect12Months, i.prior.effect24Months].flatMap(v => [v - 1.96 * i.prior.standardDeviation, v + 1.96 * i.prior.standardDeviation]));
  const domain = [Math.floor(Math.min(0, ...values)), Math.ceil(Math.max(0, ...values))];
  $('effecten').replaceChildren(...items.map(i => {
    const figure = document.createElement('figure');
    figure.innerHTML = `<figcaption>${escape(i.dutchName)}</figcaption>`;
    figure.append(effectCurve(i.dutchName, i.prior.effect12Months, i.prior.effect24Months, i.prior.standardDeviation, domain));
    figure.append(Object.assign(document.createElement('p'), { className: 'klein', textContent: `Bewijs: ${i.evidenceLevelLabel}` }));
    return figure;
  }));
}

try {
  const [overview, catalogue] = await Promise.all([api('/models'), interventions()]);
  const cards = [...overview.cards].sort((a, b) => Number(b.active) - Number(a.active) || b.modelVersion.localeCompare(a.modelVersion));
  if (cards.length === 0) say($('melding'), 'Er staan nog geen modelkaarten in de modellenmap.', 'let-op');
  $('kaarten').replaceChildren(...cards.map(renderCard));
  if (overview.evaluations.length) {
    $('evaluaties').replaceChildren(...overview.evaluations.map(renderEvaluation));
    $('evaluaties-blok').hidden = false;
  }
  renderEffectCurves(catalogue);
} catch (error) {
  say($('melding'), error.message, 'fout');
}

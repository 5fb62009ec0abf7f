// The shadow comparison on the models page: how the shadow version's answers on live intakes
// compare with the active set's (never shown to klantmanagers), overall and per subgroup.
import { api, escape, fmt } from './api.js';

const $ = id => document.getElementById(id);

const ATTRIBUTES = { ageBand: 'leeftijd', dutchLanguageLevel: 'taalniveau Nederlands', gender: 'geslacht', migrationBackground: 'migratieachtergrond' };
const share = x => (typeof x === 'number' ? fmt.percent(x) : '–');
const tau = x => (typeof x === 'number' ? x.toFixed(2).replace('.', ',') : '–');
const points = x => (typeof x === 'number' ? `${fmt.points(x)} pp` : '–');

function categoryTable(categories) {
  return `<table id="schaduw-categorieen"><caption class="klein">Rijen: categorie van de actieve versie; kolommen: categorie van de schaduw</caption>
    <thead><tr><th scope="col">Actief</th>${[1, 2, 3, 4].map(c => `<th scope="col" class="getal">Schaduw ${c}</th>`).join('')}</tr></thead>
    <tbody>${categories.table.map(r => `<tr><th scope="row">${r.activeCategory}</th>${r.shadowCategoryCounts
      .map((n, i) => `<td class="getal${i + 1 === r.activeCategory ? ' naam' : ''}">${fmt.number(n)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function adviceCells(advice, horizon) {
  const a = advice.find(x => x.horizonMonths === horizon);
  return `<td class="getal">${share(a?.topAgreement)}</td><td class="getal">${tau(a?.meanKendallTau)}</td>`;
}

/** Draws the comparison of the version shadowing now, or hides the block when none does. */
export async function renderShadowComparison(overview) {
  const block = $('schaduw-blok');
  const shadow = overview.versions.find(v => v.status === 'SHADOW');
  block.hidden = !shadow;
  if (!shadow) return;
  const c = await api('/models/shadow/comparison');
  $('schaduw-samenvatting').innerHTML = c.intakesCompared === 0
    ? `Versie ${c.shadowVersion} draait als schaduw mee, maar heeft nog geen nieuwe intakes gescoord.`
    : `Versie ${c.shadowVersion} scoorde ${fmt.number(c.intakesCompared)} nieuwe intakes
      (${fmt.dateTime(c.period.from)} tot ${fmt.dateTime(c.period.to)}) naast de actieve versie. Zelfde categorie:
      <strong>${share(c.categories.agreement)}</strong>; kans gemiddeld ${points(c.categories.meanProbabilityDifferencePoints)} ten opzichte van actief.`;
  $('schaduw-tabellen').innerHTML = c.intakesCompared === 0 ? '' : `${categoryTable(c.categories)}
    <h3>Advies: hetzelfde eerste advies, en hoe gelijk de volgorde is</h3>
    <p class="klein">Kendalls tau: 1 is dezelfde volgorde van alle opties, 0 geen verband, −1 omgekeerd.</p>
    <table id="schaduw-advies"><thead><tr><th scope="col">Groep</th><th scope="col" class="getal">Intakes</th><th scope="col" class="getal">Zelfde categorie</th>
      <th scope="col" class="getal">Zelfde eerste advies 12 mnd</th><th scope="col" class="getal">Tau 12 mnd</th>
      <th scope="col" class="getal">Zelfde eerste advies 24 mnd</th><th scope="col" class="getal">Tau 24 mnd</th></tr></thead>
      <tbody><tr class="gekozen"><th scope="row">Alle intakes</th><td class="getal">${fmt.number(c.intakesCompared)}</td>
        <td class="getal">${share(c.categories.agreement)}</td>${adviceCells(c.advice, 12)}${adviceCells(c.advice, 24)}</tr>
      ${c.subgroups.map(g => `<tr><th scope="row">${escape(ATTRIBUTES[g.attribute] ?? g.attribute)}: ${escape(g.group)}</th>
        <td class="getal">${fmt.number(g.intakes)}</td><td class="getal">${share(g.categoryAgreement)}</td>
        ${adviceCells(g.advice, 12)}${adviceCells(g.advice, 24)}</tr>`).join('')}</tbody></table>
    <p class="klein">Groepen kleiner dan ${c.minimumSubgroupSize} intakes staan er zonder percentages.
      ${c.protectedAttributesIncluded ? 'Geslacht en migratieachtergrond zijn apart vastgelegd en alleen voor deze controle gebruikt.'
        : 'Groepen naar geslacht en migratieachtergrond ziet alleen de rol auditor eerlijkheid.'}</p>`;
}

// The klantmanager's page: find a client, take an intake, read score and advice, decide.
import { api, clearFieldErrors, escape, fmt, interventions, saveSettings, say, settings, showFieldErrors } from './api.js';
import { CATEGORIES, EFFECT_SOURCES, INTAKE_FIELDS, INTAKE_GROUPS, OUTCOMES, REASONS, dutchReason, fieldLabel, loadIntakeFields } from './nl.js';
import { categoryScale, effectAxis, effectBar, effectDomain } from './charts.js';
import { session } from './sessie.js';

const $ = id => document.getElementById(id);
const forms = { settings: $('instellingen'), search: $('zoeken'), intake: $('intake'), decision: $('besluit') };
const notice = $('melding');

// The client's reference lives only in this variable and the search field: never in storage or URLs.
let reference = null;
let history = null;
let intake = null;
let advice = null;
// Randomisation among tied options: whether the municipality allows it, and the draw made from this advice.
let drawingAllowed = false;
let draw = null;

// --- Settings ---------------------------------------------------------------------------------

function settingsErrors({ klantmanagerId, municipalityCode }) {
  const errors = [];
  if (!klantmanagerId || klantmanagerId.length > 64) errors.push({ name: 'klantmanagerId', message: dutchReason('klantmanagerId') });
  if (!/^GM\d{4}$/.test(municipalityCode ?? '')) errors.push({ name: 'municipalityCode', message: dutchReason('municipalityCode') });
  return errors;
}

function readSettingsForm() {
  return { klantmanagerId: forms.settings.klantmanagerId.value.trim(), municipalityCode: forms.settings.municipalityCode.value.trim().toUpperCase() };
}

/** The klantmanager's id and municipality, or null after pointing at what is missing. */
function requireSettings() {
  const value = readSettingsForm();
  const errors = settingsErrors(value);
  if (errors.length) $('instellingen-blok').open = true;
  showFieldErrors(forms.settings, errors);
  if (errors.length) return null;
  saveSettings(value);
  summarise(value);
  return value;
}

/** Once known, the klantmanager's own details fold away to one line, to leave the screen to the client. */
function summarise({ klantmanagerId, municipalityCode }) {
  $('instellingen-samenvatting').textContent = `– ${klantmanagerId}, ${municipalityCode} (wijzigen)`;
}

forms.settings.addEventListener('submit', event => {
  event.preventDefault();
  if (requireSettings()) say(notice, 'Uw gegevens zijn onthouden op deze computer.', 'goed');
});

// --- Search -----------------------------------------------------------------------------------

forms.search.addEventListener('submit', async event => {
  event.preventDefault();
  clearFieldErrors(forms.search);
  const mine = requireSettings();
  if (!mine) return;
  const typed = forms.search.clientReference.value.trim();
  if (!typed || typed.length > 64) {
    showFieldErrors(forms.search, [{ name: 'clientReference', message: dutchReason('clientReference') }]);
    return;
  }
  reference = typed;
  hide('intake-blok', 'score-blok', 'advies-blok', 'tijdlijn-blok', 'gevonden');
  try {
    history = await api('/clients/search', { method: 'POST', body: { clientReference: reference, municipalityCode: mine.municipalityCode } });
    const intakes = history.timeline.filter(e => e.type === 'INTAKE');
    $('gevonden-tekst').textContent = `Klant gevonden in ${mine.municipalityCode}: ${intakes.length} ${intakes.length === 1 ? 'intake' : 'intakes'}, `
      + `de laatste op ${fmt.dateTime(intakes.at(-1).occurredAt)}.`;
    show('gevonden');
    say(notice, '');
    await renderTimeline();
  } catch (error) {
    if (error.status !== 404) return fail(error, forms.search);
    history = null;
    say(notice, `Geen klant met dit kenmerk in ${mine.municipalityCode}. Vul hieronder de eerste intake in.`);
    openIntake('Eerste intake van deze klant.');
  }
});

$('laatste-advies').addEventListener('click', () => showIntake(latestIntake()));
$('herbeoordeling').addEventListener('click', () => openIntake('Herbeoordeling: de gegevens van de vorige intake staan al ingevuld. Pas aan wat veranderd is.', latestIntake().profile));

function latestIntake() {
  return history.timeline.filter(e => e.type === 'INTAKE').at(-1).intake;
}

// --- Intake form ------------------------------------------------------------------------------

try {
  await loadIntakeFields();
} catch (error) {
  say(notice, error.message, 'fout');
}
$('intake-velden').innerHTML = INTAKE_GROUPS.map(group =>
  `<fieldset><legend>${escape(group.legend)}</legend>${group.fields.map(fieldHtml).join('')}</fieldset>`).join('');

function fieldHtml(name) {
  const f = INTAKE_FIELDS[name];
  const hintText = [f.unit ? `Aantal ${f.unit}.` : '', f.hint ?? ''].join(' ').trim();
  const described = [hintText ? `${name}-hint` : '', `${name}-fout`].join(' ').trim();
  const control = ['choice', 'boolean'].includes(f.kind)
    ? `<select id="${name}" name="${name}" aria-describedby="${described}"><option value="">onbekend</option>${
      f.options.map(([value, text]) => `<option value="${value}">${escape(text)}</option>`).join('')}</select>`
    : `<input type="text" inputmode="${f.kind === 'decimal' ? 'decimal' : 'numeric'}" id="${name}" name="${name}" autocomplete="off" aria-describedby="${described}">`;
  const never = f.kind === 'intOrFact'
    ? `<label class="naast" for="${name}-nooit"><input type="checkbox" id="${name}-nooit" name="${name}-nooit"> ${escape(f.factLabel)}</label>` : '';
  return `<div class="veld${f.kind === 'choice' || f.kind === 'boolean' ? '' : ' veld-kort'}">
    <label for="${name}">${escape(f.label)}</label>${hintText ? `<span class="hint" id="${name}-hint">${escape(hintText)}</span>` : ''}
    ${control}${never}<p class="fout-tekst" id="${name}-fout"></p></div>`;
}

// The fact that null stands for ("never worked") and a number exclude each other.
forms.intake.addEventListener('change', event => {
  const name = event.target.name.replace(/-nooit$/, '');
  if (event.target.name.endsWith('-nooit') && INTAKE_FIELDS[name]?.kind === 'intOrFact') {
    forms.intake[name].disabled = event.target.checked;
    if (event.target.checked) forms.intake[name].value = '';
  }
});

function openIntake(kind, profile = {}) {
  clearFieldErrors(forms.intake);
  for (const [name, f] of Object.entries(INTAKE_FIELDS)) {
    const value = profile[name];
    forms.intake[name].value = value === null || value === undefined ? '' : f.kind === 'decimal' ? fmt.one(value) : String(value);
    if (f.kind === 'intOrFact') {
      // In a stored profile, null here is the fact (never worked), not a gap.
      const fact = name in profile && value === null;
      forms.intake[`${name}-nooit`].checked = fact;
      forms.intake[name].disabled = fact;
    }
  }
  $('intake-soort').textContent = kind;
  hide('score-blok', 'advies-blok');
  show('intake-blok');
  $('intake-kop').focus();
}

/** The intake as the API takes it, and the Dutch errors found before sending it. */
function readIntake() {
  const body = {};
  const errors = [];
  for (const [name, f] of Object.entries(INTAKE_FIELDS)) {
    const raw = forms.intake[name].value.trim();
    if (f.kind === 'intOrFact' && forms.intake[`${name}-nooit`].checked) {
      body[name] = null;
      continue;
    }
    if (raw === '') {
      if (f.kind === 'intOrFact') errors.push({ name, message: `Vul het aantal ${f.unit} in, of vink “${f.factLabel}” aan.` });
      continue;
    }
    if (f.kind === 'boolean') {
      body[name] = raw === 'true';
    } else if (f.kind === 'choice') {
      body[name] = f.numeric ? Number(raw) : raw;
    } else {
      const pattern = f.kind === 'decimal' ? /^\d+([.,]\d+)?$/ : /^-?\d+$/;
      const value = Number(raw.replace(',', '.'));
      if (!pattern.test(raw)) errors.push({ name, message: `${f.label}: vul een ${f.kind === 'decimal' ? 'getal' : 'heel getal'} in.` });
      else if (value < f.min || value > f.max) errors.push({ name, message: dutchReason(name) });
      else body[name] = value;
    }
  }
  return { body, errors };
}

forms.intake.addEventListener('submit', async event => {
  event.preventDefault();
  const mine = requireSettings();
  if (!mine) return;
  const { body, errors } = readIntake();
  showFieldErrors(forms.intake, errors);
  if (errors.length) return;
  try {
    const created = await api('/intakes', { method: 'POST', body: { clientReference: reference, municipalityCode: mine.municipalityCode, ...body } });
    hide('intake-blok');
    say(notice, 'De intake is vastgelegd en beoordeeld.', 'goed');
    await showIntake(created);
  } catch (error) {
    fail(error, forms.intake);
  }
});

// --- Score ------------------------------------------------------------------------------------

async function showIntake(shown) {
  intake = shown;
  renderScore(shown);
  show('score-blok');
  $('score-kop').focus();
  await loadAdvice();
}

function renderScore({ score, createdAt }) {
  const bands = Object.entries(CATEGORIES).map(([number, c]) => ({ number, ...c }));
  const factors = direction => score.factors.filter(f => f.direction === direction).slice(0, 5).map(f =>
    `<li>${escape(f.explanation)} <span class="klein">(${fmt.points((direction === 'RAISES_CHANCE' ? 1 : -1) * Math.abs(f.percentagePoints))} procentpunt)</span></li>`).join('');
  const raises = factors('RAISES_CHANCE');
  const lowers = factors('LOWERS_CHANCE');
  const missing = score.missingFields.map(fieldLabel).map(s => s.toLowerCase());
  $('score').innerHTML = `
    <p class="score-kop" id="categorie">Categorie ${score.category}: ${escape(score.categoryLabel)}</p>
    <p class="score-kans">Kans op betaald werk binnen 12 maanden, zonder interventie: <strong id="kans">${fmt.percent(score.probability)}</strong></p>
    <div id="schaal"></div>
    <div class="redenen">
      <div><h3><span class="pijl-op" aria-hidden="true">▲</span> Wat de kans vergroot</h3>${raises ? `<ul>${raises}</ul>` : '<p>Niets in het bijzonder.</p>'}</div>
      <div><h3><span class="pijl-af" aria-hidden="true">▼</span> Wat de kans verkleint</h3>${lowers ? `<ul>${lowers}</ul>` : '<p>Niets in het bijzonder.</p>'}</div>
    </div>
    <h3>Niet ingevuld</h3>
    <p id="ontbrekend">${missing.length
      ? `${escape(missing.join(', '))}. Vraag dit zo mogelijk na: zonder deze gegevens is de score minder zeker.`
      : 'Alle gegevens zijn ingevuld.'}</p>
    <p class="klein">Beoordeeld op ${fmt.dateTime(createdAt)} met model ${escape(score.modelVersion)}. De procentpunten vergelijken met een doorsnee klant.</p>`;
  $('schaal').append(categoryScale(score.probability, bands));
}

// --- Advice and decision ----------------------------------------------------------------------

document.querySelectorAll('input[name="horizon"]').forEach(radio => radio.addEventListener('change', async () => {
  if (await loadAdvice()) say(notice, `Het advies toont nu het effect na ${advice.horizonMonths} maanden.`);
}));

/** Fetches (and so records) the advice at the chosen horizon; false when that failed and was reported. */
async function loadAdvice() {
  const horizon = document.querySelector('input[name="horizon"]:checked').value;
  const chosen = chosenCodes();
  try {
    const [loaded, catalogue] = await Promise.all([api(`/intakes/${intake.id}/recommendations?horizonMonths=${horizon}`), interventions()]);
    advice = loaded;
    [drawingAllowed, draw] = advice.items[0].tiedWith.length ? await drawState() : [false, null];
    renderAdvice(catalogue, draw ? [draw.drawnCode] : chosen);
    show('advies-blok');
    // Every advice shown is recorded; reload the timeline after it, so it shows this advice too.
    await reloadHistory(intake.clientId);
    return true;
  } catch (error) {
    fail(error);
    return false;
  }
}

/** Whether the municipality lets the klantmanager draw among the ties, and the draw already made from this advice. */
async function drawState() {
  const [setting, draws] = await Promise.all([
    api(`/municipalities/${intake.municipalityCode}/tie-randomisation`), api(`/intakes/${intake.id}/draws`)]);
  return [setting.enabled, draws.items.find(d => d.recommendationId === advice.id) ?? null];
}

/** The top and the options tied with it, in rank order: who may take part in a draw. */
function tiedWithTop() {
  const top = advice.items[0];
  return advice.items.filter(i => i === top || top.tiedWith.includes(i.interventionCode)).map(i => i.interventionCode);
}

/** "a, b en c" */
function listed(names) {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} en ${names.at(-1)}` : names.join('');
}

/** The draw offered where the municipality allows it, or its result once drawn. */
function drawSection(name) {
  if (draw) {
    const excluded = draw.excluded.length ? ` Niet meegeloot: ${escape(listed(draw.excluded.map(name)))}.` : '';
    return `<section class="melding goed" id="loting" aria-labelledby="loting-kop">
        <h3 id="loting-kop" tabindex="-1">Geloot tussen gelijkwaardige opties</h3>
        <p id="loting-uitslag">Deze keuze is geloot: <strong>${escape(name(draw.drawnCode))}</strong>. Geloot uit
          ${escape(listed(draw.candidates.map(c => name(c.interventionCode))))}, elk met een kans van ${fmt.percent(draw.candidates[0].probability)}.${excluded}</p>
        <p class="klein">U mag nog anders kiezen; dan wijkt u af van de loting en geeft u een reden.</p>
      </section>`;
  }
  if (!drawingAllowed) return '';
  const boxes = tiedWithTop().map(code => `<label class="naast" for="lot-${code}"><input type="checkbox" id="lot-${code}"
      name="lotDeelnemer" value="${code}" checked> ${escape(name(code))}</label>`).join('');
  return `<section class="melding" id="loting" aria-labelledby="loting-kop">
      <h3 id="loting-kop">Loten tussen gelijkwaardige opties</h3>
      <p>Uw gemeente laat loten tussen opties die volgens Trede even goed werken. Zo leert de gemeente welke het beste helpt.
        Haal het vinkje weg bij wat voor deze klant niet kan of niet gewenst is; de andere opties doen mee, elk met dezelfde kans.
        Ook na het loten beslist u.</p>
      <fieldset><legend>Doen mee aan de loting</legend>${boxes}</fieldset>
      <p class="fout-tekst" id="excluded-fout"></p>
      <div class="knoppen"><button type="button" id="loten" class="tweede">Loten</button></div>
    </section>`;
}

$('advies').addEventListener('click', async event => {
  if (event.target.id !== 'loten') return;
  const excluded = [...document.querySelectorAll('input[name="lotDeelnemer"]')].filter(box => !box.checked).map(box => box.value);
  if (tiedWithTop().length - excluded.length < 2) {
    $('excluded-fout').textContent = dutchReason('excluded');
    return;
  }
  event.target.disabled = true; // one click, one draw
  try {
    draw = await api(`/intakes/${intake.id}/draws`, { method: 'POST', body: { recommendationId: advice.id, excluded } });
    renderAdvice(await interventions(), [draw.drawnCode]);
    $('loting-kop').focus();
  } catch (error) {
    event.target.disabled = false;
    fail(error);
  }
});

function renderAdvice(catalogue, chosen) {
  const top = advice.items[0];
  const name = code => catalogue.get(code)?.dutchName ?? code;
  const rank = code => advice.items.find(i => i.interventionCode === code).rank;
  const domain = effectDomain(advice.items.filter(i => i.expectedEffect).map(i => i.expectedEffect));
  const tie = top.tiedWith.length
    ? `<p class="melding let-op" id="gelijkspel">Er is geen duidelijke winnaar: ${escape(top.tiedWith.map(name).join(', '))} ${top.tiedWith.length === 1 ? 'werkt' : 'werken'} `
      + `naar verwachting even goed als ${escape(top.name)}. Kies samen met de klant.</p>`
    : `<p>Bovenaan staat <strong>${escape(top.name)}</strong>: die vergroot de kans op werk voor deze klant naar verwachting het meest.</p>`;
  const rows = advice.items.map(item => {
    const effect = item.expectedEffect
      ? `<div class="balk"></div><span>${fmt.points(item.expectedEffect.pointEstimate)} procentpunt <span class="klein">(${fmt.points(item.expectedEffect.lower)} tot ${fmt.points(item.expectedEffect.upper)})</span></span>`
      : '<span class="geen-schatting">Te weinig vergelijkbare klanten in de geschiedenis: geen schatting.</span>';
    const source = `Bron: ${EFFECT_SOURCES[item.effectSource] ?? item.effectSource}${item.effectSource === 'BLEND' ? ` (${fmt.percent(item.priorShare)} literatuur)` : ''}.`;
    return `<tr data-code="${item.interventionCode}" data-tied-with-top="${top.tiedWith.includes(item.interventionCode)}">
      <td><input type="checkbox" form="besluit" name="interventionCodes" value="${item.interventionCode}" id="kies-${item.interventionCode}"
        ${chosen.includes(item.interventionCode) ? 'checked' : ''}></td>
      <td><label for="kies-${item.interventionCode}" class="naam">${item.rank}. ${escape(item.name)}</label>
        ${item.tiedWith.length ? `<span class="gelijk">Statistisch gelijk aan nr. ${item.tiedWith.map(rank).sort((a, b) => a - b).join(', ')}</span>` : ''}
        <div class="klein">${escape(source)}</div>
        <details class="klein"><summary>Waarom</summary><p>${escape(item.rationale)}</p></details></td>
      <td>${effect}</td>
      <td class="getal">${fmt.euros(item.costEuros)}</td>
      <td class="getal">${item.durationMonths ? `${item.durationMonths} mnd` : '–'}</td>
      <td>${escape(catalogue.get(item.interventionCode)?.evidenceLevelLabel ?? item.evidenceLevel)}</td></tr>`;
  }).join('');
  const notEligible = advice.notEligible.map(n =>
    `<li>${escape(n.name)}: ${escape(catalogue.get(n.interventionCode)?.eligibilityLabel ?? '')}</li>`).join('');
  $('advies').innerHTML = `${tie}${drawSection(name)}${proposalNote(advice.allocationProposal, name)}
    <table id="advies-tabel">
      <caption class="klein">Verwacht effect: hoeveel procentpunt de kans op betaald werk na ${advice.horizonMonths} maanden stijgt of daalt
        door de interventie. De stip is de beste schatting, de streep de onzekerheid (95 %). Links van de stippellijn: de kans daalt.</caption>
      <thead><tr><th scope="col">Kiezen</th><th scope="col">Interventie</th><th scope="col">Verwacht effect na ${advice.horizonMonths} maanden<div id="as"></div></th>
        <th scope="col" class="getal">Kosten</th><th scope="col" class="getal">Duur</th><th scope="col">Bewijs</th></tr></thead>
      <tbody>${rows}</tbody>
    </table>
    ${notEligible ? `<details><summary>Past niet bij deze klant (${advice.notEligible.length})</summary><ul>${notEligible}</ul></details>` : ''}`;
  $('as').append(effectAxis(domain));
  advice.items.forEach(item => {
    if (item.expectedEffect) $('advies').querySelector(`tr[data-code="${item.interventionCode}"] .balk`).append(effectBar(item.expectedEffect, domain));
  });

  $('adjustedCategory').innerHTML = `<option value="">Niet aanpassen (categorie ${intake.score.category}: ${escape(intake.score.categoryLabel)})</option>`
    + Object.entries(CATEGORIES).filter(([n]) => Number(n) !== intake.score.category)
      .map(([n, c]) => `<option value="${n}">Categorie ${n}: ${escape(c.label)}</option>`).join('');
  $('reasonCode').innerHTML = '<option value="">Kies een reden</option>'
    + Object.entries(REASONS).map(([code, text]) => `<option value="${code}">${escape(text)}</option>`).join('');
  $('note').value = '';
  say($('besluit-melding'), '');
  clearFieldErrors(forms.decision);
  updateDeviation();
}

/** The team lead's allocation proposal beside the ranking: advice within the period's places, not a decision. */
function proposalNote(proposal, name) {
  if (!proposal) return '';
  const effect = proposal.expectedEffect
    ? ` Verwacht effect na ${proposal.horizonMonths} maanden: ${fmt.points(proposal.expectedEffect.pointEstimate)} procentpunt `
      + `(${fmt.points(proposal.expectedEffect.lower)} tot ${fmt.points(proposal.expectedEffect.upper)}).` : '';
  const what = proposal.interventionCode === 'NONE'
    ? 'geen interventie: de plaatsen en het budget gaan naar klanten die er naar verwachting meer aan hebben.'
    : `<strong>${escape(name(proposal.interventionCode))}</strong>.${effect}`;
  const tie = proposal.nearTie
    ? ' Dit is een bijna-gelijkspel: of deze klant of een ander de plaats krijgt, valt binnen de onzekerheid van het model.' : '';
  const top = advice.items[0];
  const differs = proposal.interventionCode !== top.interventionCode && !top.tiedWith.includes(proposal.interventionCode)
    ? ' Kiest u het voorstel in plaats van nummer 1, dan wijkt u af van de rangorde: kies als reden “Geen plek, budget of aanbieder beschikbaar”.' : '';
  return `<section class="melding" id="voorstel" aria-labelledby="voorstel-kop">
      <h3 id="voorstel-kop">Voorstel bij de beschikbare plaatsen</h3>
      <p>Met de plaatsen en het budget van ${escape(proposal.period)} stelt de verdeling voor: ${what}${tie}</p>
      <p class="klein">Verdeling ${escape(proposal.runId.slice(0, 8))} van ${escape(fmt.dateTime(proposal.createdAt))}, gemaakt door de teamleider.
        Dit is een voorstel: u beslist.${differs}</p>
    </section>`;
}

function chosenCodes() {
  return [...document.querySelectorAll('input[name="interventionCodes"]:checked')].map(box => box.value);
}

/** Mirrors the service's rule, so the reason is asked for before the klantmanager submits; after a draw the drawn option is the advice. */
function deviates() {
  const chosen = chosenCodes();
  const top = advice.items[0];
  const adjusted = $('adjustedCategory').value;
  const followsAdvice = chosen.length === 1
    && (draw ? chosen[0] === draw.drawnCode : chosen[0] === top.interventionCode || top.tiedWith.includes(chosen[0]));
  return (adjusted !== '' && Number(adjusted) !== intake.score.category) || (chosen.length > 0 && !followsAdvice);
}

function updateDeviation() {
  document.querySelectorAll('#advies-tabel tbody tr').forEach(row =>
    row.classList.toggle('gekozen', row.querySelector('input').checked));
  const deviating = deviates();
  // Following the allocation's proposal against the ranking deviates for want of places: say so, the klantmanager may change it.
  const proposal = advice.allocationProposal;
  const chosen = chosenCodes();
  if (deviating && proposal && chosen.length === 1 && chosen[0] === proposal.interventionCode && !$('reasonCode').value) {
    $('reasonCode').value = 'CAPACITY';
  }
  $('afwijking').hidden = !deviating;
  $('afwijking-tekst').textContent = deviating
    ? `Uw besluit wijkt af van ${draw ? 'de loting' : 'het advies'}. Dat mag: u kent de klant. Kies een reden; zo leert Trede van uw oordeel.` : '';
}

document.addEventListener('change', event => {
  if (event.target.name === 'interventionCodes' || event.target.id === 'adjustedCategory') updateDeviation();
});

forms.decision.addEventListener('submit', async event => {
  event.preventDefault();
  const mine = requireSettings();
  if (!mine) return;
  const chosen = chosenCodes();
  const deviating = deviates();
  const errors = [];
  if (chosen.length === 0) errors.push({ name: 'interventionCodes', message: dutchReason('interventionCodes') });
  if (deviating && !$('reasonCode').value) errors.push({ name: 'reasonCode', message: dutchReason('reasonCode') });
  showFieldErrors(forms.decision, errors);
  if (errors.length) return;
  const body = { interventionCodes: chosen, klantmanagerId: mine.klantmanagerId, recommendationId: advice.id };
  if ($('adjustedCategory').value) body.adjustedCategory = Number($('adjustedCategory').value);
  if (draw) body.drawId = draw.id;
  if (deviating) {
    body.reasonCode = $('reasonCode').value;
    if ($('note').value.trim()) body.note = $('note').value.trim();
  }
  const button = forms.decision.querySelector('button[type="submit"]');
  button.disabled = true; // one click, one decision
  try {
    const decision = await api(`/intakes/${intake.id}/decisions`, { method: 'POST', body });
    const catalogue = await interventions();
    const region = $('besluit-melding');
    region.className = 'melding goed';
    region.innerHTML = `Besluit vastgelegd${decision.override ? ', als afwijking van het advies' : decision.draw ? ', volgens de loting' : ''}: `
      + `${escape(decision.interventionCodes.map(c => catalogue.get(c)?.dutchName ?? c).join(', '))}. `
      + `<a href="/client-uitleg.html?intake=${intake.id}&amp;besluit=${decision.id}" id="uitleg-link">Uitleg voor de klant afdrukken</a>`;
    await reloadHistory(intake.clientId);
  } catch (error) {
    fail(error, forms.decision);
  } finally {
    button.disabled = false;
  }
});

// --- Timeline ---------------------------------------------------------------------------------

async function reloadHistory(clientId) {
  history = await api(`/clients/${clientId}`);
  await renderTimeline();
}

async function renderTimeline() {
  const catalogue = await interventions();
  const name = code => catalogue.get(code)?.dutchName ?? code;
  $('tijdlijn').innerHTML = [...history.timeline].reverse().map(event => {
    const [title, text, extra] = describe(event, name);
    return `<li class="${event.decision?.override ? 'afwijking' : ''}" data-type="${event.type}">
      <span class="wanneer">${fmt.dateTime(event.occurredAt)}</span> · <span class="soort">${escape(title)}</span>
      <p>${escape(text)}${extra ?? ''}</p></li>`;
  }).join('');
  show('tijdlijn-blok');
}

function describe(event, name) {
  switch (event.type) {
    case 'INTAKE': {
      const { score, id } = event.intake;
      const missing = score.missingFields.length;
      return ['Intake', `Categorie ${score.category} (${score.categoryLabel}), kans op werk ${fmt.percent(score.probability)}. `
        + (missing ? `${missing} ${missing === 1 ? 'gegeven ontbrak' : 'gegevens ontbraken'}.` : 'Alles ingevuld.'),
        ` <button type="button" class="tweede" data-intake="${id}">Openen</button>`];
    }
    case 'RECOMMENDATION': {
      const top = event.recommendation.items[0];
      return [`Advies getoond (${event.recommendation.horizonMonths} maanden)`, `Bovenaan: ${top.name}`
        + (top.expectedEffect ? ` (${fmt.points(top.expectedEffect.pointEstimate)} procentpunt).` : '.')];
    }
    case 'DECISION': {
      const d = event.decision;
      const why = d.override
        ? `Afwijking van het advies. Reden: ${REASONS[d.reasonCode] ?? 'geen'}.${d.note ? ` Notitie: “${d.note}”` : ''}`
        : 'Volgt het advies.';
      const drawn = d.draw ? ` Geloot uit ${listed(d.draw.candidates.map(c => name(c.interventionCode)))} `
        + `(elk ${fmt.percent(d.draw.candidates[0].probability)}): ${name(d.draw.drawnCode)}.` : '';
      return [`Besluit van ${d.klantmanagerId}`, `Gekozen: ${d.interventionCodes.map(name).join(', ')}. ${why}${drawn}`
        + (d.adjustedCategory ? ` Categorie aangepast van ${d.scoreCategory} naar ${d.adjustedCategory}.` : ''),
        ` <a href="/client-uitleg.html?intake=${d.intakeId}&amp;besluit=${d.id}">Uitleg voor de klant</a>`];
    }
    default: {
      const o = event.outcome;
      return [`Uitkomst op ${fmt.date(o.observedOn)}`, `${OUTCOMES[o.status] ?? o.status}`
        + (o.hoursPerWeek ? `, ${fmt.number(o.hoursPerWeek)} uur per week` : '') + (o.participationRung ? `, trede ${o.participationRung}` : '') + '.'];
    }
  }
}

$('tijdlijn').addEventListener('click', event => {
  const id = event.target.dataset?.intake;
  if (id) showIntake(history.timeline.find(e => e.intake?.id === id).intake);
});

// --- Helpers ----------------------------------------------------------------------------------

function fail(error, form) {
  if (form && error.fields?.length) showFieldErrors(form, error.fields);
  say(notice, error.message, 'fout');
}

function show(...ids) { ids.forEach(id => { $(id).hidden = false; }); }
function hide(...ids) { ids.forEach(id => { $(id).hidden = true; }); }

// Prefilled from the signed-in account where the klantmanager has not set them before.
const saved = settings();
const signedIn = session();
forms.settings.klantmanagerId.value = saved.klantmanagerId ?? signedIn?.account ?? '';
forms.settings.municipalityCode.value = saved.municipalityCode ?? signedIn?.municipalities?.[0] ?? '';
if (settingsErrors(readSettingsForm()).length === 0) {
  summarise(saved);
  $('instellingen-blok').open = false;
}

// A letter for the client in plain Dutch (B1): the advice, the main reasons, that a person decided
// and can be asked to reconsider, and which data were used. Right to an explanation: AI Act art. 86, AVG.
import { api, escape, fmt, interventions, say } from './api.js';
import { CATEGORIES, INTAKE_FIELDS, loadIntakeFields } from './nl.js';

const $ = id => document.getElementById(id);

/** The reasons as the client reads them (the klantmanager's list speaks in the first person). */
const REASONS_FOR_CLIENT = {
  CLIENT_PREFERENCE: 'u hebt een andere voorkeur',
  CAPACITY: 'er is voor het advies nu geen plek, geld of aanbieder',
  PROFESSIONAL_JUDGEMENT: 'uw klantmanager schat uw situatie anders in',
  MISSING_INFORMATION: 'er ontbrak informatie in de intake',
  HEALTH: 'uw gezondheid',
  OTHER: 'een andere reden',
};

/** Where the klantmanager's label is a question to them, the letter speaks to the client. */
const LETTER_LABELS = { expectsWork: 'Uw eigen verwachting om werk te vinden' };

$('afdrukken').addEventListener('click', () => window.print());

try {
  const params = new URLSearchParams(location.search);
  const intake = await api(`/intakes/${encodeURIComponent(params.get('intake') ?? '')}`);
  const [history, catalogue] = await Promise.all([api(`/clients/${intake.clientId}`), interventions(), loadIntakeFields()]);
  const decisions = history.timeline.filter(e => e.decision?.intakeId === intake.id).map(e => e.decision);
  const decision = decisions.find(d => d.id === params.get('besluit')) ?? decisions.at(-1);
  const advices = history.timeline.filter(e => e.recommendation?.intakeId === intake.id).map(e => e.recommendation);
  const advice = advices.find(r => r.id === decision?.recommendationId) ?? advices.at(-1);
  render(intake, decision, advice, catalogue);
} catch (error) {
  say($('melding'), error.status === 404 || error.status === 400
    ? 'Deze intake is niet gevonden. Open de uitleg vanuit een besluit op de pagina Intake en advies.' : error.message, 'fout');
}

function render(intake, decision, advice, catalogue) {
  const name = code => (code === 'NONE' ? 'nu geen extra traject' : catalogue.get(code)?.dutchName ?? code);
  const list = items => `<ul>${items.map(i => `<li>${i}</li>`).join('')}</ul>`;
  const score = intake.score;
  const category = decision?.adjustedCategory ?? null;
  const top = advice?.items[0];

  const adviceText = top
    ? `<p>Het computerprogramma Trede gaf als advies: <strong>${escape(name(top.interventionCode))}</strong>.`
      + (top.tiedWith.length ? ` Volgens Trede werkt ${escape(top.tiedWith.map(name).join(' of '))} ongeveer even goed.` : '') + '</p>'
    : '';
  const decisionText = decision
    ? `<p>Uw klantmanager heeft met u besproken welke hulp u krijgt om aan het werk te komen. Het besluit is:
        <strong id="besluit">${escape(decision.interventionCodes.map(name).join(' en '))}</strong>.</p>${adviceText}`
      + (decision.override
        ? `<p>Uw klantmanager koos iets anders dan het advies van de computer. De reden: ${escape(REASONS_FOR_CLIENT[decision.reasonCode] ?? 'een andere reden')}.
           Wilt u meer weten? Vraag het uw klantmanager.</p>`
        : '<p>Uw klantmanager heeft het advies gevolgd.</p>')
    : `${adviceText}<p>Er is nog geen besluit genomen. Dat doet uw klantmanager, niet de computer.</p>`;

  const factors = [...score.factors].sort((a, b) => Math.abs(b.percentagePoints) - Math.abs(a.percentagePoints)).slice(0, 3);
  const used = [];
  const unknown = [];
  for (const [field, f] of Object.entries(INTAKE_FIELDS)) {
    if (score.missingFields.includes(field)) unknown.push(escape(f.label));
    else used.push(`${escape(LETTER_LABELS[field] ?? f.label)}: ${escape(inWords(field, f, intake.profile[field]))}`);
  }

  $('datum').textContent = `Over uw gesprek van ${fmt.date(intake.createdAt)}.`;
  $('inhoud-brief').innerHTML = `
    <section class="blok"><h2>Wat is het advies?</h2>${decisionText}</section>

    <section class="blok"><h2>Hoe groot is uw afstand tot werk?</h2>
      <p>Trede schat hoe groot de kans is dat u binnen een jaar betaald werk vindt, zonder extra hulp.
        Voor u is die kans ongeveer <strong>${fmt.percent(score.probability)}</strong>.
        Dat noemen we: <strong>${escape(score.categoryLabel)}</strong> (groep ${score.category} van 4).</p>
      ${category && category !== score.category
        ? `<p>Uw klantmanager schat dit anders in: ${escape(CATEGORIES[category].label)} (groep ${category} van 4).</p>` : ''}
      <p>Dit is een schatting. Die zegt niets over wie u bent. Het zegt iets over mensen in een situatie die lijkt op de uwe.</p>
    </section>

    <section class="blok"><h2>Waarom?</h2>
      <p>Dit telde het zwaarst mee:</p>${list(factors.map(f => escape(f.explanation)))}
    </section>

    <section class="blok"><h2>Wie heeft besloten?</h2>
      <p>Trede is een computerprogramma. Het geeft alleen een advies. <strong>Een mens beslist: uw klantmanager.</strong>
        Uw klantmanager mag van het advies afwijken, en doet dat als iets anders beter bij u past.</p>
    </section>

    <section class="blok"><h2>Bent u het er niet mee eens?</h2>
      <p id="heroverweging">Zeg het tegen uw klantmanager. U mag altijd vragen om het besluit opnieuw te bekijken (heroverweging).
        Hebt u een brief met een besluit van de gemeente gekregen? Dan kunt u ook bezwaar maken. In die brief staat hoe dat gaat.</p>
    </section>

    <section class="blok"><h2>Welke gegevens hebben we gebruikt?</h2>
      <p>Deze gegevens uit uw intake zijn gebruikt:</p>${list(used)}
      ${unknown.length ? `<p>Deze gegevens wisten we niet. Ze zijn niet gebruikt:</p>${list(unknown)}` : ''}
      <p><strong>Wij gebruiken nooit uw geslacht, nationaliteit, geboorteland, afkomst of geloof</strong> voor een advies.</p>
    </section>

    <section class="blok"><h2>Uw rechten</h2>
      <p>U hebt recht op uitleg over de rol van de computer bij dit advies (Europese AI-verordening, artikel 86).
        U mag uw gegevens inzien en laten verbeteren als ze niet kloppen (AVG).
        En u hebt recht op een besluit dat een mens neemt, niet alleen een computer (AVG, artikel 22).</p>
    </section>

    <p class="klein">Kenmerk van de intake: ${escape(intake.id)} · gemeente ${escape(intake.municipalityCode)} ·
      model ${escape(score.modelVersion)}${advice ? ` · effectmodel ${escape(advice.effectModelVersion)}` : ''}.
      Noem dit kenmerk als u om heroverweging vraagt.</p>`;
  $('brief').hidden = false;
  document.title = 'Uitleg over uw advies – Trede';
}

/** A profile value as words, the way the intake form showed it. */
function inWords(field, f, value) {
  if (value === null && f.nullMeans) return f.nullMeans;
  if (f.scale) return `${value} op een schaal van ${f.min} tot ${f.max}`;
  if (f.options) return f.options.find(([v]) => v === String(value))?.[1] ?? String(value);
  return `${f.kind === 'decimal' ? fmt.one(value) : value}${f.unit ? ` ${f.unit}` : ''}`;
}

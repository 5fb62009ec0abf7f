// The model registry on the models page: the numbered versions with their status, the history of
// what was live when, the proposals, each version's evaluation report with its plots, and, for the
// roles allowed to, shadow, propose, approve, reject and roll back, each with a reason.
import { api, escape, fmt, say } from './api.js';
import { calibrationPlot, qiniCurve } from './charts.js';
import { session } from './sessie.js';

const $ = id => document.getElementById(id);

const STATUS = { CANDIDATE: 'kandidaat', SHADOW: 'schaduw', ACTIVE: 'actief', RETIRED: 'buiten gebruik' };
const EVENTS = {
  SEEDED: 'eerste versie', PROMOTED: 'gepromoveerd', ROLLED_BACK: 'teruggedraaid',
  SHADOW_STARTED: 'schaduw gestart', SHADOW_STOPPED: 'schaduw gestopt',
};
const PROPOSALS = { PROPOSED: 'wacht op beheerder', APPROVED: 'goedgekeurd', REJECTED: 'afgewezen' };
const ATTRIBUTES = {
  gender: 'geslacht', migrationBackground: 'migratieachtergrond', ageBand: 'leeftijd', dutchLanguageLevel: 'taalniveau Nederlands',
};

const three = x => (typeof x === 'number' ? x.toFixed(3).replace('.', ',') : '–');
const percent1 = x => (typeof x === 'number' ? `${fmt.one(100 * x)} %` : '–');

/** Who may do what on this page; the service checks it again, the page only hides what would be refused. */
function abilities() {
  const role = session()?.role;
  return { dataScientist: role === 'data-scientist', admin: role === 'admin' };
}

function provenanceText(p) {
  if (!p || typeof p !== 'object') return '';
  const parts = [];
  if (p.trainingRun) parts.push(`trainingsrun ${String(p.trainingRun).slice(0, 8)}`);
  if (p.source) parts.push(typeof p.source === 'string' ? p.source : JSON.stringify(p.source));
  const data = p.data ?? {};
  if (typeof data.records === 'number') parts.push(`${fmt.number(data.records)} records`);
  if (data.from && data.to) parts.push(`besluiten ${data.from.slice(0, 10)} tot ${data.to.slice(0, 10)}`);
  if (typeof p.durationSeconds === 'number') parts.push(`${fmt.one(p.durationSeconds)} s`);
  return parts.join(' · ');
}

function actionsFor(v, can) {
  const buttons = [];
  if (can.dataScientist && v.status !== 'ACTIVE') {
    if (v.report && v.status !== 'RETIRED') buttons.push(['voorstellen', 'Voorstellen om actief te maken']);
    if (v.status === 'SHADOW') buttons.push(['schaduw-stoppen', 'Schaduw stoppen']);
    else if (v.status === 'CANDIDATE') buttons.push(['schaduw', 'Als schaduw laten meedraaien']);
  }
  // RETIRED: it was active once, so it can be made active again
  if (can.admin && v.status === 'RETIRED') buttons.push(['terugdraaien', 'Terugdraaien naar deze versie']);
  if (can.admin && v.status === 'SHADOW') buttons.push(['schaduw-stoppen', 'Schaduw stoppen']);
  return buttons.map(([action, text]) =>
    `<button type="button" class="tweede" data-actie="${action}" data-versie="${v.version}">${text}</button>`).join(' ');
}

function versionRows(overview, can) {
  return overview.versions.map(v => `<tr data-versie="${v.version}" class="${v.status === 'ACTIVE' ? 'gekozen' : ''}">
      <td class="getal">${v.version}</td><td class="status">${STATUS[v.status] ?? v.status}</td>
      <td>${escape(v.distanceModel)}<br>${escape(v.effectModel ?? 'literatuurpriors')}</td>
      <td>${fmt.dateTime(v.registeredAt)}<br><span class="klein">${escape(v.registeredBy)}</span></td>
      <td class="klein">${escape(provenanceText(v.provenance))}</td>
      <td>${v.report ? `<button type="button" class="tweede" data-actie="rapport" data-versie="${v.version}">Rapport</button>` : '<span class="klein">geen rapport</span>'}</td>
      <td>${actionsFor(v, can)}</td></tr>`).join('');
}

function historyRows(history) {
  return [...history].reverse().map(e => `<tr>
      <td>${fmt.dateTime(e.occurredAt)}</td><td>${EVENTS[e.kind] ?? e.kind}</td>
      <td class="getal">${e.fromVersion ?? '–'}</td><td class="getal">${e.toVersion ?? '–'}</td>
      <td>${escape(e.actor)}${e.proposedBy ? `<br><span class="klein">voorgesteld door ${escape(e.proposedBy)}</span>` : ''}</td>
      <td>${escape(e.reason)}</td></tr>`).join('');
}

function proposalRows(promotions, can) {
  return promotions.map(p => `<tr data-voorstel="${p.id}">
      <td class="getal">${p.version}</td><td class="getal">${p.fromVersion}</td>
      <td>${escape(p.proposedBy)}<br><span class="klein">${fmt.dateTime(p.proposedAt)}</span></td><td>${escape(p.reason)}</td>
      <td class="status">${PROPOSALS[p.state] ?? p.state}${p.decidedBy ? `<br><span class="klein">${escape(p.decidedBy)}: ${escape(p.decisionReason ?? '')}</span>` : ''}</td>
      <td>${can.admin && p.state === 'PROPOSED' ? `<button type="button" data-actie="goedkeuren" data-voorstel="${p.id}">Goedkeuren</button>
        <button type="button" class="tweede" data-actie="afwijzen" data-voorstel="${p.id}">Afwijzen</button>` : ''}</td></tr>`).join('');
}

/** What each action asks, and the call it makes with the reason given. */
const ACTIONS = {
  voorstellen: { title: v => `Versie ${v} voorstellen om actief te maken`,
    call: (v, reason) => api('/models/promotions', { method: 'POST', body: { version: Number(v), reason } }),
    done: v => `Versie ${v} is voorgesteld. Een beheerder (niet uzelf) moet het voorstel goedkeuren.` },
  schaduw: { title: v => `Versie ${v} als schaduw laten meedraaien`,
    call: (v, reason) => api('/models/shadow', { method: 'PUT', body: { version: Number(v), reason } }),
    done: v => `Versie ${v} draait nu als schaduw mee; haar uitkomsten worden nooit getoond aan klantmanagers.` },
  'schaduw-stoppen': { title: () => 'De schaduwversie stoppen', reasonless: true,
    call: () => api('/models/shadow', { method: 'DELETE' }), done: () => 'Er draait geen schaduwversie meer mee.' },
  terugdraaien: { title: v => `Terugdraaien naar versie ${v}`,
    call: (v, reason) => api('/models/rollbacks', { method: 'POST', body: { version: Number(v), reason } }),
    done: v => `Versie ${v} is weer actief. Elke instantie van Trede gebruikt haar binnen enkele seconden.` },
  goedkeuren: { title: () => 'Voorstel goedkeuren: de versie wordt actief',
    call: (id, reason) => api(`/models/promotions/${id}/approval`, { method: 'POST', body: { reason } }),
    done: () => 'Goedgekeurd: de versie is actief. Elke instantie van Trede gebruikt haar binnen enkele seconden.' },
  afwijzen: { title: () => 'Voorstel afwijzen',
    call: (id, reason) => api(`/models/promotions/${id}/rejection`, { method: 'POST', body: { reason } }),
    done: () => 'Het voorstel is afgewezen; er verandert niets.' },
};

/** Asks for the reason in the action form; the call runs when it is confirmed. */
function ask(action, subject, reload) {
  const form = $('handeling');
  const spec = ACTIONS[action];
  $('handeling-kop').textContent = spec.title(subject);
  $('reden-veld').hidden = Boolean(spec.reasonless);
  $('handeling-reden').value = '';
  $('handeling-reden-fout').textContent = '';
  form.hidden = false;
  form.onsubmit = async event => {
    event.preventDefault();
    const reason = $('handeling-reden').value.trim();
    if (!spec.reasonless && reason === '') {
      $('handeling-reden-fout').textContent = 'Geef een reden: die komt in de geschiedenis en in het auditspoor.';
      $('handeling-reden').setAttribute('aria-invalid', 'true');
      return;
    }
    try {
      await spec.call(subject, reason);
      form.hidden = true;
      await reload();
      say($('register-melding'), spec.done(subject), 'goed');
    } catch (error) {
      say($('register-melding'), error.message + (error.detail ? ` ${error.detail}` : ''), 'fout');
    }
  };
  $('handeling-reden').focus();
}

function metricRows(distance) {
  const rows = [['AUC', 'auc', three], ['Brier-score', 'brier', three], ['Log-loss', 'logLoss', three],
    ['Kalibratiefout (ECE)', 'expectedCalibrationError', three], ['Gemiddeld voorspeld', 'meanPredicted', percent1],
    ['Werkelijk aandeel met werk', 'observedRate', percent1]];
  return rows.map(([label, key, show]) =>
    `<tr><th scope="row">${label}</th><td class="getal">${show(distance.candidate?.[key])}</td><td class="getal">${show(distance.active?.[key])}</td></tr>`).join('');
}

function groupRows(metrics) {
  return (metrics?.groups ?? []).map(g => `<tr class="${g.comparable ? '' : 'klein'}">
      <td>${escape(ATTRIBUTES[g.attribute] ?? g.attribute)}</td><td>${escape(g.group)}</td><td class="getal">${g.n}</td>
      <td class="getal${g.calibrationFlagged ? ' opvallend' : ''}">${typeof g.calibrationGap === 'number' ? `${fmt.points(100 * g.calibrationGap)} pp` : '–'}</td>
      <td class="getal">${percent1(g.falsePositiveRate4)}</td><td class="getal">${percent1(g.falseNegativeRate4)}</td>
      <td>${g.comparable ? '' : 'te klein om te vergelijken'}</td></tr>`).join('');
}

function policyRows(section) {
  return section.policies.map(p => `<tr><td>${escape(p.description ?? p.policy)}</td>
      <td class="getal">${percent1(p.value)}</td><td class="getal">${percent1(p.lower)} tot ${percent1(p.upper)}</td>
      <td class="getal">${percent1(p.poorOverlapShare)}</td></tr>`).join('');
}

/** The report of one version, drawn from its JSON; the HTML version can be saved. */
export async function showReport(version) {
  const report = await api(`/models/${version}/report`);
  const block = $('rapport-blok');
  const d = report.distance;
  block.innerHTML = `<h2 id="rapport-kop" tabindex="-1">Evaluatierapport van versie ${version}</h2>
    <p class="klein">Kandidaat ${escape(report.candidate.distance)} / ${escape(report.candidate.effects ?? 'literatuurpriors')} tegen
      de toen actieve ${escape(report.active.distance)} / ${escape(report.active.effects ?? 'literatuurpriors')}, op dezelfde
      ${fmt.number(report.heldOutRecords)} achtergehouden records (${escape(report.heldOut)}).</p>
    ${report.flags.length ? `<div class="melding let-op"><strong>Let op:</strong><ul id="rapport-vlaggen">${report.flags.map(f => `<li lang="en">${escape(f)}</li>`).join('')}</ul></div>`
      : '<p class="melding goed" id="rapport-vlaggen">Geen drempel overschreden.</p>'}
    <h3>Afstandsmodel</h3>
    <table id="rapport-metrieken"><thead><tr><th scope="col">Maat</th><th scope="col" class="getal">Kandidaat</th><th scope="col" class="getal">Actief</th></tr></thead>
      <tbody>${metricRows(d)}</tbody></table>
    <div class="grafieken" id="rapport-kalibratie"></div>
    <h3>Per groep (kandidaat)</h3>
    <p class="klein">Kalibratieverschil is voorspeld min werkelijk; fout-positief en fout-negatief gaan over categorie 4
      (grote afstand). Beschermde kenmerken gebruikt geen model; ze zijn alleen voor deze controle bewaard.</p>
    <table id="rapport-groepen"><thead><tr><th scope="col">Kenmerk</th><th scope="col">Groep</th><th scope="col" class="getal">Records</th>
      <th scope="col" class="getal">Kalibratieverschil</th><th scope="col" class="getal">Fout-positief cat. 4</th><th scope="col" class="getal">Fout-negatief cat. 4</th><th scope="col"></th></tr></thead>
      <tbody>${groupRows(d.candidate)}</tbody></table>
    ${report.effects.map(e => `<h3>Beleidswaarde na ${e.horizonMonths} maanden</h3>
      <p class="klein">Aandeel met betaald werk als iedere klant kreeg wat het beleid kiest, dubbel robuust geschat op ${fmt.number(e.records)} records, met 95 %-interval.</p>
      <table class="rapport-beleid"><thead><tr><th scope="col">Beleid</th><th scope="col" class="getal">Waarde</th><th scope="col" class="getal">95 %</th>
        <th scope="col" class="getal">Weinig vergelijkbaar</th></tr></thead><tbody>${policyRows(e)}</tbody></table>
      <div class="grafieken" data-qini="${e.horizonMonths}"></div>`).join('')}
    <p class="knoppen"><button type="button" class="tweede" id="rapport-html">Rapport opslaan (HTML)</button></p>`;
  const pictures = $('rapport-kalibratie');
  for (const [who, metrics] of [['kandidaat', d.candidate], ['actief', d.active]]) {
    if (!metrics?.reliability?.length) continue;
    const figure = document.createElement('figure');
    figure.className = 'kalibratie';
    figure.innerHTML = `<figcaption>Kalibratie, ${who} (${escape(metrics.version)})</figcaption>`;
    figure.append(calibrationPlot(metrics.reliability));
    pictures.append(figure);
  }
  for (const e of report.effects) {
    if (!e.candidateQini?.length) continue;
    const figure = document.createElement('figure');
    figure.innerHTML = `<figcaption>Qini-curve na ${e.horizonMonths} maanden (coëfficiënt ${three(e.candidateQiniCoefficient)})</figcaption>
      <p class="legenda">Winst boven "niets" als het deel met het grootste voorspelde effect het advies krijgt; de rechte lijn is willekeurig kiezen.</p>`;
    figure.append(qiniCurve(e.candidateQini));
    block.querySelector(`[data-qini="${e.horizonMonths}"]`).append(figure);
  }
  $('rapport-html').onclick = () => saveHtml(version);
  block.hidden = false;
  $('rapport-kop').focus();
}

/** The self-contained HTML report, fetched with the session's token and saved as a file. */
async function saveHtml(version) {
  const response = await fetch(`/api/v1/models/${version}/report`, {
    headers: { Accept: 'text/html', Authorization: `Bearer ${session()?.token}` },
  });
  if (!response.ok) {
    say($('register-melding'), 'Het rapport kon niet worden opgehaald.', 'fout');
    return;
  }
  const link = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(await response.blob()), download: `trede-modelversie-${version}-evaluatie.html`,
  });
  link.click();
  URL.revokeObjectURL(link.href);
}

async function showLiveAt(event) {
  event.preventDefault();
  const value = $('live-op').value;
  const answer = $('live-antwoord');
  if (!value) {
    say(answer, 'Kies een datum en tijd.', 'fout');
    return;
  }
  try {
    const live = await api(`/models/active?at=${encodeURIComponent(new Date(value).toISOString())}`);
    say(answer, `Op ${fmt.dateTime(live.at)} was versie ${live.version} actief (${live.distanceModel}, ${live.effectModel ?? 'literatuurpriors'}), `
      + `sinds ${fmt.dateTime(live.since.occurredAt)} (${EVENTS[live.since.kind] ?? live.since.kind} door ${live.since.actor}).`, 'goed');
  } catch (error) {
    say(answer, error.status === 404 ? 'Op dat moment was er nog geen modelversie actief.' : error.message, 'fout');
  }
}

/**
 * Draws the registry from GET /models, and again after every action, each time also handing the
 * overview to `drawn`; returns the overview and the redraw.
 */
export async function renderRegistry(load, drawn) {
  const can = abilities();
  const draw = async () => {
    const overview = await load();
    $('versies').innerHTML = versionRows(overview, can);
    $('geschiedenis').innerHTML = historyRows(overview.history);
    $('voorstellen').innerHTML = proposalRows(overview.promotions, can);
    $('voorstellen-leeg').hidden = overview.promotions.length > 0;
    $('serveert').textContent = `Deze instantie beantwoordt vragen nu met versie ${overview.servingVersion}.`;
    drawn(overview);
    return overview;
  };
  $('register-blok').addEventListener('click', event => {
    const button = event.target.closest('button[data-actie]');
    if (!button) return;
    const subject = button.dataset.versie ?? button.dataset.voorstel;
    if (button.dataset.actie === 'rapport') {
      showReport(subject).catch(error => say($('register-melding'), error.message, 'fout'));
    } else {
      ask(button.dataset.actie, subject, draw);
    }
  });
  $('handeling-annuleren').addEventListener('click', () => { $('handeling').hidden = true; });
  $('live-formulier').addEventListener('submit', showLiveAt);
  return { overview: await draw(), redraw: draw };
}

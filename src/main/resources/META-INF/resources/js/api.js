// Calls to Trede's JSON API, its errors in Dutch, and the few things every page shares.
import { dutchReason } from './nl.js';
import { token } from './sessie.js';

/** A refused or failed call: a Dutch message, and per field a Dutch reason for its code (400 invalidParams). */
class ApiError extends Error {
  constructor(status, problem) {
    super(dutchStatus(status, problem));
    this.status = status;
    this.code = problem?.code;
    this.fields = (problem?.invalidParams ?? []).map(p => ({ name: p.name, message: dutchReason(p.name, p.code) }));
  }
}

/** Refusals whose code says more than their status. */
const REFUSALS = {
  same_person: 'U hebt dit zelf voorgesteld. Vier ogen: een andere beheerder moet het goedkeuren of afwijzen.',
  report_required: 'Deze versie heeft geen evaluatierapport; zonder rapport kan ze niet worden voorgesteld.',
  stale_proposal: 'Sinds dit voorstel is een andere versie actief geworden. Vergelijk opnieuw en doe een nieuw voorstel.',
  already_decided: 'Over dit voorstel is al beslist.',
  invalid_transition: 'Dit kan niet in de huidige stand van het modelregister (bijvoorbeeld: de versie is al actief).',
  tie_randomisation_off: 'Uw gemeente heeft loten tussen gelijkwaardige opties niet aangezet.',
  no_tie: 'Bij dit advies is geen optie gelijkwaardig aan nummer 1: er valt niets te loten.',
  already_drawn: 'Bij dit advies is al geloot. Laad de klant opnieuw om de uitslag te zien.',
};

function dutchStatus(status, problem) {
  if (status === 0) return 'Trede is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.';
  if (REFUSALS[problem?.code]) return REFUSALS[problem.code];
  if (status === 400) return 'Niet alles is goed ingevuld. Kijk bij de velden met een melding.';
  if (status === 401) return 'U bent niet (meer) aangemeld. Meld u bovenaan de pagina aan.';
  if (status === 403) return 'Dit mag uw account niet, of niet voor deze gemeente.';
  if (status === 404) return 'Niet gevonden.';
  const incident = /incident ([0-9a-f-]{36})/.exec(problem?.detail ?? '');
  return 'Er ging iets mis in Trede. Probeer het opnieuw.'
    + (incident ? ` Blijft het misgaan, geef dan dit nummer door aan de servicedesk: ${incident[1]}.` : '');
}

export async function api(path, { method = 'GET', body } = {}) {
  let response;
  try {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token()) headers.Authorization = `Bearer ${token()}`;
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0);
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

// --- Settings: the klantmanager's own id and municipality. Never the client's reference. -------
const SETTINGS_KEY = 'trede.instellingen';

export function settings() {
  try {
    return JSON.parse(localStorage.getItem(SETTINGS_KEY)) ?? {};
  } catch {
    return {};
  }
}

export function saveSettings(value) {
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(value));
}

// --- Field errors: the message sits next to the field, and a summary links to each field. ------

/** Shows each {name, message} at its field in the form, and lists them in the form's summary. */
export function showFieldErrors(form, errors) {
  clearFieldErrors(form);
  const summary = form.querySelector('.foutenlijst');
  if (errors.length === 0) return;
  const items = errors.map(({ name, message }) => {
    const base = name.replace(/\[\d+\]$/, '');
    const input = form.querySelector(`[name="${base}"]`) ?? document.querySelector(`[form="${form.id}"][name="${base}"]`);
    const slot = document.getElementById(`${base}-fout`);
    if (slot) slot.textContent = message;
    if (input) input.setAttribute('aria-invalid', 'true');
    return `<li><a href="#${input?.id ?? ''}">${escape(message)}</a></li>`;
  });
  if (summary) {
    summary.innerHTML = `<h3>Controleer ${errors.length === 1 ? 'dit veld' : 'deze velden'}</h3><ul>${items.join('')}</ul>`;
    summary.focus();
  }
}

export function clearFieldErrors(form) {
  form.querySelectorAll('.fout-tekst').forEach(slot => { slot.textContent = ''; });
  document.querySelectorAll(`[aria-invalid="true"]`).forEach(input => input.removeAttribute('aria-invalid'));
  const summary = form.querySelector('.foutenlijst');
  if (summary) summary.innerHTML = '';
}

/** Writes a message into a live region: kind is '', 'goed', 'fout' or 'let-op'. */
export function say(region, text, kind = '') {
  region.className = `melding ${kind}`.trim();
  region.textContent = text;
}

// --- Formatting, Dutch style ---------------------------------------------------------------------
const number1 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const euros = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const dateTime = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
const dateOnly = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });

export const fmt = {
  percent: p => `${Math.round(p * 100)} %`,
  /** Percentage points with a sign: +2,0 or −1,5 (a real minus sign reads better). */
  points: x => `${x > 0 ? '+' : x < 0 ? '−' : ''}${number1.format(Math.abs(x))}`,
  one: x => number1.format(x),
  number: x => x.toLocaleString('nl-NL'),
  euros: x => euros.format(x),
  dateTime: iso => dateTime.format(new Date(iso)),
  date: iso => dateOnly.format(new Date(iso)),
};

export function escape(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** The intervention catalogue by code, fetched once per page. */
let catalogue;
export async function interventions() {
  catalogue ??= api('/interventions').then(c => new Map(c.items.map(i => [i.code, i])), error => {
    catalogue = undefined; // ask again next time rather than keep the failure
    throw error;
  });
  return catalogue;
}

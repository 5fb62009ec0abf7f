// Who is signed in on this tab. The bearer token lives in sessionStorage: it is gone when the
// browser closes and is never shared with other tabs or written to disk as a setting.
const KEY = 'trede.sessie';

/** The signed-in account {account, role, municipalities} and its token, or null. */
export function session() {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY));
    return value && value.expiresAt > Date.now() ? value : null;
  } catch {
    return null;
  }
}

export function token() {
  return session()?.token ?? null;
}

function signOut() {
  sessionStorage.removeItem(KEY);
  location.reload();
}

async function signIn(account) {
  const response = await fetch('/api/v1/demo-tokens', {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ account }),
  });
  if (!response.ok) throw new Error(`status ${response.status}`);
  const issued = await response.json();
  sessionStorage.setItem(KEY, JSON.stringify({
    token: issued.accessToken, expiresAt: Date.now() + issued.expiresIn * 1000, ...issued.account,
  }));
  location.reload();
}

const ROLE_NAMES = {
  'case-system': 'zaaksysteem', klantmanager: 'klantmanager', 'data-scientist': 'data scientist',
  auditor: 'auditor', admin: 'beheerder', 'fairness-auditor': 'auditor eerlijkheid',
  operator: 'beheer van de dienst', 'team-lead': 'teamleider',
};

/** "klantmanager, GM0599" — or only the role for an account that acts for no municipality. */
function describe(account) {
  const role = ROLE_NAMES[account.role] ?? account.role;
  return account.municipalities.length ? `${role}, ${account.municipalities.join(', ')}` : role;
}

/**
 * The sign-in line in the page header. Without an identity provider (the embedded installation)
 * it offers the demo accounts, marked as such; in production the municipality's portal signs in.
 */
async function renderSignIn(slot) {
  const current = session();
  if (current) {
    slot.innerHTML = `<span>Aangemeld als <strong id="aangemeld-als"></strong></span>
      <button type="button" id="afmelden-knop" class="tweede">Afmelden</button>`;
    slot.querySelector('#aangemeld-als').textContent =
      `${current.account} (${describe(current)})`;
    slot.querySelector('#afmelden-knop').addEventListener('click', signOut);
    return;
  }
  const response = await fetch('/api/v1/demo-accounts', { headers: { Accept: 'application/json' } }).catch(() => null);
  if (!response?.ok) {
    slot.textContent = 'Niet aangemeld. Meld u aan via het portaal van uw gemeente.';
    return;
  }
  const { items } = await response.json();
  slot.innerHTML = `<form id="aanmelden" class="aanmelden">
      <label for="demo-account">DEMO-account <small>(alleen om uit te proberen, niet voor echte klanten)</small></label>
      <select id="demo-account" name="account"></select>
      <button type="submit" id="aanmelden-knop" class="tweede">Aanmelden</button>
    </form>`;
  const select = slot.querySelector('#demo-account');
  for (const account of items) {
    const option = document.createElement('option');
    option.value = account.account;
    option.textContent = `${account.account} – ${describe(account)}`;
    select.append(option);
  }
  slot.querySelector('#aanmelden').addEventListener('submit', event => {
    event.preventDefault();
    signIn(select.value).catch(() => { slot.append(' Aanmelden lukte niet; probeer het opnieuw.'); });
  });
}

const slot = document.getElementById('aanmelding');
if (slot) renderSignIn(slot);

// Dutch words for the API's codes and fields, and the intake fields with the limits the API
// enforces, so the page can check input before sending it and explain the API's errors in Dutch.
// The fields themselves (names, types, Dutch labels, units, ranges, values) come from the API
// (GET /api/v1/intake-fields, the declaration it validates against); this file only says how to show them.

/** How the form groups the fields; a field the API serves but no group names goes into the last group. */
const GROUPS = [
  { legend: 'Persoon en opleiding', fields: ['age', 'educationLevel', 'dutchLanguageLevel'] },
  { legend: 'Werk en uitkering', fields: ['monthsOnBenefit', 'monthsSinceLastJob', 'yearsWorkExperience', 'drivingLicence'] },
  { legend: 'Gezondheid en thuissituatie', fields: ['healthLimitation', 'careDuties', 'problematicDebts', 'unstableHousing'] },
  { legend: 'Motivatie en verwachting', fields: ['motivation', 'jobSearchSelfEfficacy', 'expectsWork', 'participationRung'] },
  { legend: 'Arbeidsmarkt in de regio', fields: ['labourMarketTightness'] },
  { legend: 'Overige gegevens', fields: [] },
];

const YES_NO = [['true', 'ja'], ['false', 'nee']];

const RUNGS = {
  1: 'geïsoleerd', 2: 'sociale contacten buiten de deur', 3: 'deelname aan georganiseerde activiteiten',
  4: 'onbetaald werk (vrijwilligerswerk, stage)', 5: 'betaald werk met ondersteuning', 6: 'betaald werk',
};

/** Beyond what the API says: a hint, and whether a whole number is a scale or a rung to choose from a list. */
const PRESENTATION = {
  motivation: { hint: 'Samen met de klant ingeschat.', scale: true },
  jobSearchSelfEfficacy: { scale: true },
  participationRung: { levels: RUNGS },
  labourMarketTightness: { hint: 'Bijvoorbeeld 0,9. Laat leeg als u het niet weet.' },
};

/**
 * The intake fields by name, filled by {@link loadIntakeFields}. kind: int | decimal | boolean |
 * choice (options: [value, Dutch]; numeric for scales and rungs) | intOrFact (a number, or the fact
 * that null stands for: factLabel).
 */
export const INTAKE_FIELDS = {};

/** The groups of the form, with the fields the API serves. */
export const INTAKE_GROUPS = [];

let loading;

/** Fetches the intake fields once (no token needed) and fills INTAKE_FIELDS and INTAKE_GROUPS. */
export function loadIntakeFields() {
  loading ??= fetch('/api/v1/intake-fields', { headers: { Accept: 'application/json' } })
    .then(response => {
      if (!response.ok) throw new Error('De intakevelden konden niet worden geladen. Laad de pagina opnieuw.');
      return response.json();
    })
    .then(({ items }) => {
      for (const field of items) INTAKE_FIELDS[field.name] = shown(field);
      const grouped = new Set(GROUPS.flatMap(g => g.fields));
      const rest = items.map(f => f.name).filter(name => !grouped.has(name));
      GROUPS.map((g, i) => ({ legend: g.legend, fields: [...g.fields, ...(i === GROUPS.length - 1 ? rest : [])] }))
        .map(g => ({ legend: g.legend, fields: g.fields.filter(name => name in INTAKE_FIELDS) }))
        .filter(g => g.fields.length)
        .forEach(g => INTAKE_GROUPS.push(g));
    }, error => {
      loading = undefined; // ask again next time rather than keep the failure
      throw error;
    });
  return loading;
}

const capitalised = text => text.charAt(0).toUpperCase() + text.slice(1);

/** One field as the form shows it, from the API's declaration and this page's presentation. */
function shown({ name, type, label, unit, minimum, maximum, nullMeans, values }) {
  const extra = PRESENTATION[name] ?? {};
  const base = { label: capitalised(label), unit, min: minimum ?? undefined, max: maximum ?? undefined, hint: extra.hint, nullMeans };
  if (type === 'boolean') return { ...base, kind: 'boolean', options: YES_NO };
  if (type === 'string') return { ...base, kind: 'choice', options: values.map(v => [v.value, v.label]) };
  if (type === 'number') return { ...base, kind: 'decimal' };
  if (extra.scale || extra.levels) {
    const levels = Array.from({ length: maximum - minimum + 1 }, (_, i) => minimum + i);
    const words = n => (extra.levels ? `${n} – ${extra.levels[n]}` : n === minimum ? `${n} (laag)` : n === maximum ? `${n} (hoog)` : `${n}`);
    return { ...base, kind: 'choice', numeric: true, scale: !!extra.scale, options: levels.map(n => [String(n), words(n)]) };
  }
  if (nullMeans) return { ...base, kind: 'intOrFact', factLabel: capitalised(nullMeans) };
  return { ...base, kind: 'int' };
}

export const CATEGORIES = {
  1: { label: 'klaar voor werk', from: 0.40 },
  2: { label: 'korte afstand tot werk', from: 0.20 },
  3: { label: 'middelgrote afstand tot werk', from: 0.08 },
  4: { label: 'grote afstand tot werk', from: 0 },
};

export const REASONS = {
  CLIENT_PREFERENCE: 'De klant heeft een andere voorkeur',
  CAPACITY: 'Geen plek, budget of aanbieder beschikbaar',
  PROFESSIONAL_JUDGEMENT: 'Mijn professionele oordeel is anders',
  MISSING_INFORMATION: 'De intake mist informatie die het beeld verandert',
  HEALTH: 'Gezondheid die niet in het profiel staat',
  OTHER: 'Anders (licht toe in de notitie)',
};

export const OUTCOMES = {
  PAID_WORK: 'betaald werk', PARTIAL_WORK: 'gedeeltelijk betaald werk', SUBSIDISED_WORK: 'werk met loonkostensubsidie',
  EDUCATION: 'opleiding', PARTICIPATION: 'participatie (zoals vrijwilligerswerk)', NO_CHANGE: 'geen verandering',
};

export const EFFECT_SOURCES = {
  PRIOR: 'onderzoek uit de literatuur',
  LEARNED: 'gegevens van eerdere klanten',
  BLEND: 'literatuur én gegevens van eerdere klanten',
};

/** The field's Dutch label; also accepts API paths such as interventionCodes[1]. */
export function fieldLabel(name) {
  const base = name.replace(/\[\d+\]$/, '');
  return INTAKE_FIELDS[base]?.label ?? OTHER_LABELS[base] ?? base;
}

const OTHER_LABELS = {
  clientReference: 'Klantkenmerk', municipalityCode: 'Gemeentecode', klantmanagerId: 'Uw medewerkerscode',
  interventionCodes: 'Interventies', adjustedCategory: 'Categorie', reasonCode: 'Reden van afwijking', note: 'Notitie',
};

/** Dutch messages for the API's problem codes (InvalidParam.code) that say the same for every field. */
const CODE_MESSAGES = {
  unknown_field: label => `Trede kent het veld ${label} niet. Meld dit aan de servicedesk.`,
  wrong_type: label => `${label}: deze soort waarde past hier niet.`,
  duplicate: () => 'U hebt een interventie twee keer gekozen.',
  not_combinable: () => '“Geen interventie” kan niet samen met een andere interventie.',
  not_eligible: () => 'Deze interventie past niet bij deze klant.',
  unknown_reference: label => `${label} hoort niet bij deze klant. Laad de klant opnieuw.`,
  invalid_unicode: label => `${label}: er staan tekens in die Trede niet kan opslaan. Typ de tekst opnieuw.`,
  nul_character: label => `${label}: er staan tekens in die Trede niet kan opslaan. Typ de tekst opnieuw.`,
};

/**
 * A Dutch message for a field the API refused, chosen by the API's machine-readable code; the
 * API's English reasons are never read. Without a code (the page's own checks) the field's advice.
 */
export function dutchReason(name, code) {
  const base = name.replace(/\[\d+\]$/, '');
  if (CODE_MESSAGES[code]) return CODE_MESSAGES[code](fieldLabel(name));
  const field = INTAKE_FIELDS[base];
  if (field && field.min !== undefined) {
    const unit = field.unit ? ` ${field.unit}` : '';
    return `${field.label} moet tussen ${field.min} en ${field.max}${unit} liggen.`;
  }
  if (field) {
    return `Kies een van de mogelijkheden bij ${field.label.toLowerCase()}.`;
  }
  switch (base) {
    case 'clientReference': return 'Vul het klantkenmerk uit het zaaksysteem in (hoogstens 64 tekens).';
    case 'municipalityCode': return 'Vul een gemeentecode in zoals GM0599: GM en vier cijfers.';
    case 'klantmanagerId': return 'Vul uw medewerkerscode in (hoogstens 64 tekens).';
    case 'reasonCode': return 'U wijkt af van het advies. Kies een reden.';
    case 'note': return 'De notitie mag hoogstens 2000 tekens lang zijn.';
    case 'adjustedCategory': return 'Kies een categorie van 1 tot en met 4.';
    case 'excluded': return 'Laat minstens twee opties meedoen aan de loting.';
    case 'interventionCodes':
      if (code === 'too_long') return 'Kies hoogstens vijf interventies.';
      if (code === 'invalid_value') return 'Deze interventie staat niet in de catalogus.';
      return 'Kies minstens één interventie (of “geen interventie”).';
    default: return 'Deze waarde klopt niet.';
  }
}

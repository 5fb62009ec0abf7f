// Dutch words for the API's codes and fields, and the intake fields with the limits the API
// enforces, so the page can check input before sending it and explain the API's errors in Dutch.

export const INTAKE_GROUPS = [
  { legend: 'Persoon en opleiding', fields: ['age', 'educationLevel', 'dutchLanguageLevel'] },
  { legend: 'Werk en uitkering', fields: ['monthsOnBenefit', 'monthsSinceLastJob', 'yearsWorkExperience', 'drivingLicence'] },
  { legend: 'Gezondheid en thuissituatie', fields: ['healthLimitation', 'careDuties', 'problematicDebts', 'unstableHousing'] },
  { legend: 'Motivatie en verwachting', fields: ['motivation', 'jobSearchSelfEfficacy', 'expectsWork', 'participationRung'] },
  { legend: 'Arbeidsmarkt in de regio', fields: ['labourMarketTightness'] },
];

const YES_NO = [['true', 'ja'], ['false', 'nee']];
const SCALE_1_5 = [['1', '1 (laag)'], ['2', '2'], ['3', '3'], ['4', '4'], ['5', '5 (hoog)']];

const RUNGS = {
  1: 'geïsoleerd', 2: 'sociale contacten buiten de deur', 3: 'deelname aan georganiseerde activiteiten',
  4: 'onbetaald werk (vrijwilligerswerk, stage)', 5: 'betaald werk met ondersteuning', 6: 'betaald werk',
};

/** kind: int | decimal | choice (options: [value, Dutch]) | boolean | monthsOrNever. */
export const INTAKE_FIELDS = {
  age: { label: 'Leeftijd', unit: 'jaar', kind: 'int', min: 18, max: 67 },
  educationLevel: { label: 'Hoogste afgeronde opleiding', kind: 'choice', options: [
    ['NONE', 'geen'], ['PRIMARY', 'basisonderwijs'], ['VMBO', 'vmbo'], ['MBO_1', 'mbo 1 (entree)'],
    ['MBO_2_4', 'mbo 2, 3 of 4'], ['HAVO_VWO', 'havo of vwo'], ['HBO', 'hbo'], ['WO', 'universiteit (wo)']] },
  dutchLanguageLevel: { label: 'Taalniveau Nederlands', kind: 'choice', options: [
    ['A0', 'A0 (spreekt geen Nederlands)'], ['A1', 'A1'], ['A2', 'A2'], ['B1', 'B1'], ['B2', 'B2'], ['C1', 'C1'], ['C2', 'C2 (moedertaalniveau)']] },
  monthsOnBenefit: { label: 'Duur in de bijstand', unit: 'maanden', kind: 'int', min: 0, max: 600 },
  monthsSinceLastJob: { label: 'Tijd sinds de laatste betaalde baan', unit: 'maanden', kind: 'monthsOrNever', min: 0, max: 720,
    neverLabel: 'Nooit betaald gewerkt' },
  yearsWorkExperience: { label: 'Werkervaring', unit: 'jaar', kind: 'int', min: 0, max: 55 },
  drivingLicence: { label: 'Rijbewijs', kind: 'boolean', options: YES_NO },
  healthLimitation: { label: 'Gezondheidsbeperking voor werk', kind: 'choice', options: [
    ['NONE', 'geen'], ['SOME', 'enige beperking'], ['SEVERE', 'ernstige beperking']] },
  careDuties: { label: 'Zorgtaken (jonge kinderen of mantelzorg)', kind: 'boolean', options: YES_NO },
  problematicDebts: { label: 'Problematische schulden', kind: 'boolean', options: YES_NO },
  unstableHousing: { label: 'Onzekere woonsituatie', kind: 'boolean', options: YES_NO },
  motivation: { label: 'Motivatie', hint: 'Samen met de klant ingeschat.', kind: 'choice', numeric: true, options: SCALE_1_5, min: 1, max: 5 },
  jobSearchSelfEfficacy: { label: 'Vertrouwen in eigen zoekgedrag', kind: 'choice', numeric: true, options: SCALE_1_5, min: 1, max: 5 },
  expectsWork: { label: 'Verwacht de klant zelf werk te vinden?', kind: 'boolean', options: YES_NO },
  participationRung: { label: 'Trede op de participatieladder', kind: 'choice', numeric: true, min: 1, max: 6,
    options: Object.entries(RUNGS).map(([n, text]) => [n, `${n} – ${text}`]) },
  labourMarketTightness: { label: 'Krapte op de regionale arbeidsmarkt', unit: 'vacatures per werkzoekende', kind: 'decimal',
    min: 0, max: 20, hint: 'Bijvoorbeeld 0,9. Laat leeg als u het niet weet.' },
};

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
    case 'interventionCodes':
      if (code === 'too_long') return 'Kies hoogstens vijf interventies.';
      if (code === 'invalid_value') return 'Deze interventie staat niet in de catalogus.';
      return 'Kies minstens één interventie (of “geen interventie”).';
    default: return 'Deze waarde klopt niet.';
  }
}

/**
 * What counts as personal data in a journal entry (152-ФЗ): identity documents, contacts, names,
 * birth data, a person's addresses, and every secret (password hashes, codes, tokens). Such values
 * are never stored in the journal; only that the field changed.
 */
export const REDACTED = '[redacted]';

// Field names are compared folded: lower case, without `_`, `-` and spaces.
const PERSONAL_FIELDS = new Set([
  'passport',
  'passportseries',
  'passportnumber',
  'passportseriesnumber',
  'passportissuedon',
  'passportissuedby',
  'departmentcode',
  'snils',
  'inn',
  'phone',
  'phones',
  'email',
  'emails',
  'login',
  'contact',
  'contacts',
  'recipient',
  'surname',
  'name',
  'firstname',
  'lastname',
  'middlename',
  'patronymic',
  'fullname',
  'displayname',
  'birthdate',
  'dateofbirth',
  'birthday',
  'birthplace',
  'placeofbirth',
  'registrationaddress',
  'residenceaddress',
  'homeaddress',
  'postaladdress',
  'personaddress',
  'ip',
  'ipaddress',
  'useragent',
]);

// Secrets are recognised by their ending too: passwordHash, otpCode, csrfToken, totpSecret...
const SECRET_PARTS = ['password', 'code', 'token', 'secret', 'credential', 'signature'];

// A name, address or ИНН is a person's unless the object is a house or an organisation, whose
// names and addresses are public registry data.
const PUBLIC_WHEN_NOT_PERSON = new Set(['name', 'address', 'inn']);
const NOT_PERSONS = new Set(['house', 'building', 'organisation', 'premise', 'demo_world']);

// Values that look like personal data whatever their field is called.
const PERSONAL_VALUE_PATTERNS = [
  /[^\s@]+@[^\s@]+\.[^\s@]+/, // e-mail
  /(?:\+7|\b8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}\b/, // Russian phone
  /\b\d{3}-\d{3}-\d{3}[\s-]?\d{2}\b/, // СНИЛС
  /\b\d{2}\s?\d{2}\s?\d{6}\b/, // passport series and number
  /\b\d{10,12}\b/, // ИНН, bare phone or document digits
];

const MAX_STORED_STRING = 200;
const MAX_STORED_ITEMS = 50;

function fold(field: string): string {
  return field.toLowerCase().replace(/[\s_-]/g, '');
}

export function isPersonalField(field: string, objectType?: string): boolean {
  const folded = fold(field);

  if (PUBLIC_WHEN_NOT_PERSON.has(folded) && NOT_PERSONS.has(objectType ?? '')) {
    return false;
  }

  if (PERSONAL_FIELDS.has(folded) || folded === 'address') {
    return true;
  }

  if (folded.endsWith('hash') || folded.endsWith('digest')) {
    return !folded.startsWith('source');
  }

  return SECRET_PARTS.some((part) => folded.includes(part));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function looksPersonal(text: string): boolean {
  // Identifiers of rows are not personal, though their digits can look like a phone number.
  if (UUID.test(text)) {
    return false;
  }

  return PERSONAL_VALUE_PATTERNS.some((pattern) => pattern.test(text));
}

/**
 * A copy of `value` safe to store: personal fields and personal-looking strings are replaced by
 * REDACTED at any depth, long strings are shortened.
 */
export function redactValue(value: unknown, objectType?: string): unknown {
  if (typeof value === 'string') {
    if (looksPersonal(value)) {
      return REDACTED;
    }

    return value.length > MAX_STORED_STRING ? `${value.slice(0, MAX_STORED_STRING)}…` : value;
  }

  if (typeof value === 'number' && Math.abs(value) >= 1e9) {
    // Ten digits and more are a phone, a passport or an ИНН far more often than a quantity.
    return REDACTED;
  }

  if (Array.isArray(value)) {
    // The digest keeps the whole list; the journal keeps enough of it to read.
    const kept = value.slice(0, MAX_STORED_ITEMS).map((item) => redactValue(item, objectType));

    return value.length > MAX_STORED_ITEMS
      ? [...kept, `… ${value.length - MAX_STORED_ITEMS} more`]
      : kept;
  }

  if (value instanceof Date) {
    return value.toISOString();
  }

  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        isPersonalField(key, objectType) ? REDACTED : redactValue(item, objectType),
      ]),
    );
  }

  return value;
}

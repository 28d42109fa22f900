import { checkCadastralNumber, checkInn, checkSnils } from '../identifiers/checksums.js';
import { parseShare, type Share } from '../shares/fraction.js';
import {
  parseAreaCenti,
  parseExtractDate,
  parseObjectKind,
  parseOwnerKind,
  type ObjectKind,
  type OwnerKind,
} from './extract-values.js';
import { ownerNameKey } from './owner-name.js';
import { splitPremiseAddress } from './premise-address.js';
import {
  RIGHT_FIELDS,
  type ExtractField,
  type ExtractProblem,
  type ExtractProblemCode,
} from './problems.js';

/** A row as read from a file: the text of each field, absent or empty when not given. */
export type RawExtractRow = Partial<Record<ExtractField, string>>;

/** What a row says about its object; rows of the same object must agree on all of it. */
export type ExtractObjectFacts = {
  cadastralNumber: string;
  address: string;
  premiseNumber: string | null;
  kind: ObjectKind;
  areaCenti: number;
  extractedOn: string | null;
};

export type ExtractRight = {
  ownerKind: OwnerKind;
  ownerName: string;
  ownerNameKey: string;
  ownerInn: string | null;
  /** The 11 digits; the server keeps only a keyed digest of them. */
  ownerSnils: string | null;
  share: Share;
  registrationNumber: string;
  registeredOn: string;
};

/** A row lists its object and, unless all the right's fields are empty, one registered right. */
export type ExtractRow = { object: ExtractObjectFacts; right: ExtractRight | null };

export type RowResult = { ok: true; row: ExtractRow } | { ok: false; problems: ExtractProblem[] };

export type RowOptions = {
  /** Today's date (ISO) where the extract is read: later dates are typos. */
  today: string;
};

const MAX_ADDRESS = 500;
const MAX_NAME = 500;
const MAX_PREMISE_NUMBER = 20;
const MAX_REGISTRATION_NUMBER = 100;

// Registration numbers look like 66-66/001-66/001/123/2015-456/1 (old) or
// 66:41:0204016:1234-66/001/2015-1 (since 2017): digits, letters, and : / - . separators.
const REGISTRATION_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N}:/\-.№ ]*$/u;

function squeeze(value: string | undefined): string {
  return (value ?? '').replace(/[\s\u00a0\u202f]+/gu, ' ').trim();
}

/**
 * Reads one row of an extract: every field is checked and every problem reported, not just the
 * first, so an operator fixes a file in one pass.
 */
export function parseExtractRow(raw: RawExtractRow, options: RowOptions): RowResult {
  const problems: ExtractProblem[] = [];
  const fail = (field: ExtractField, code: ExtractProblemCode) => {
    problems.push({ field, code });
  };

  const object = readObject(raw, options, fail);
  const right = RIGHT_FIELDS.some((field) => squeeze(raw[field]) !== '')
    ? readRight(raw, options, object?.extractedOn ?? null, fail)
    : null;

  if (problems.length > 0 || !object) {
    return { ok: false, problems };
  }

  return { ok: true, row: { object, right } };
}

type Fail = (field: ExtractField, code: ExtractProblemCode) => void;

function readObject(raw: RawExtractRow, options: RowOptions, fail: Fail) {
  const cadastral = squeeze(raw.cadastral_number);
  const address = squeeze(raw.address);
  const explicitNumber = squeeze(raw.premise_number);
  const kindText = squeeze(raw.kind);
  const areaText = squeeze(raw.area);
  const extractedText = squeeze(raw.extracted_on);
  const before = { count: 0 };
  const counting: Fail = (field, code) => {
    before.count += 1;
    fail(field, code);
  };

  const cadastralCheck = checkCadastralNumber(cadastral);

  if (!cadastral) {
    counting('cadastral_number', 'required');
  } else if (!cadastralCheck.valid) {
    counting('cadastral_number', 'format');
  }

  if (!address) {
    counting('address', 'required');
  } else if (address.length > MAX_ADDRESS) {
    counting('address', 'too_long');
  } else if (!/\p{L}/u.test(address)) {
    counting('address', 'format');
  }

  if (explicitNumber.length > MAX_PREMISE_NUMBER) {
    counting('premise_number', 'too_long');
  }

  const kind = kindText ? parseObjectKind(kindText) : null;

  if (!kind) {
    counting('kind', 'required');
  } else if (!kind.ok) {
    counting('kind', kind.problem);
  }

  const area = areaText ? parseAreaCenti(areaText) : null;

  if (!area) {
    counting('area', 'required');
  } else if (!area.ok) {
    counting('area', area.problem);
  }

  const extracted = extractedText ? parseExtractDate(extractedText, options.today) : null;

  if (extracted && !extracted.ok) {
    counting('extracted_on', extracted.problem);
  }

  if (before.count > 0 || !cadastralCheck.valid || !kind?.ok || !area?.ok) {
    return null;
  }

  return {
    cadastralNumber: cadastralCheck.value,
    address,
    premiseNumber: explicitNumber || splitPremiseAddress(address).premiseNumber,
    kind: kind.value,
    areaCenti: area.value,
    extractedOn: extracted?.ok ? extracted.value : null,
  } satisfies ExtractObjectFacts;
}

function readRight(
  raw: RawExtractRow,
  options: RowOptions,
  extractedOn: string | null,
  fail: Fail,
): ExtractRight | null {
  const kindText = squeeze(raw.owner_kind);
  const name = squeeze(raw.owner_name);
  const innText = squeeze(raw.owner_inn);
  const snilsText = squeeze(raw.owner_snils);
  const shareText = squeeze(raw.share);
  const registration = squeeze(raw.registration_number);
  const dateText = squeeze(raw.registered_on);
  let broken = false;
  const problem: Fail = (field, code) => {
    broken = true;
    fail(field, code);
  };

  const kind = kindText ? parseOwnerKind(kindText) : null;

  if (!kind) {
    problem('owner_kind', 'required');
  } else if (!kind.ok) {
    problem('owner_kind', kind.problem);
  }

  if (!name) {
    problem('owner_name', 'required');
  } else if (name.length > MAX_NAME) {
    problem('owner_name', 'too_long');
  } else if (!/\p{L}/u.test(name)) {
    problem('owner_name', 'format');
  }

  const ownerKind = kind?.ok ? kind.value : null;
  const inn = readInn(innText, ownerKind, problem);
  const snils = readSnils(snilsText, ownerKind, problem);
  const share = shareText ? parseShare(shareText) : null;

  if (!share) {
    problem('share', 'required');
  } else if (!share.ok) {
    problem('share', share.problem);
  }

  if (!registration) {
    problem('registration_number', 'required');
  } else if (registration.length > MAX_REGISTRATION_NUMBER) {
    problem('registration_number', 'too_long');
  } else if (!REGISTRATION_NUMBER.test(registration) || !/\d/.test(registration)) {
    problem('registration_number', 'format');
  }

  const date = dateText ? parseExtractDate(dateText, options.today) : null;

  if (!date) {
    problem('registered_on', 'required');
  } else if (!date.ok) {
    problem('registered_on', date.problem);
  } else if (extractedOn && date.value > extractedOn) {
    problem('registered_on', 'after_extract');
  }

  if (broken || !ownerKind || !share?.ok || !date?.ok) {
    return null;
  }

  return {
    ownerKind,
    ownerName: name,
    ownerNameKey: ownerNameKey(name),
    ownerInn: inn,
    ownerSnils: snils,
    share: share.share,
    registrationNumber: registration,
    registeredOn: date.value,
  };
}

/** A company's ИНН has 10 digits and is required; a person's has 12; a municipality's 10. */
function readInn(text: string, kind: OwnerKind | null, fail: Fail): string | null {
  if (!text) {
    if (kind === 'company') {
      fail('owner_inn', 'required');
    }

    return null;
  }

  const check = checkInn(text);

  if (!check.valid) {
    fail('owner_inn', check.reason);

    return null;
  }

  const expected = kind === 'person' ? 12 : 10;

  if (kind && check.value.length !== expected) {
    fail('owner_inn', 'not_for_owner_kind');

    return null;
  }

  return check.value;
}

/** Only a person has a СНИЛС; it is optional, since extracts for third parties omit it. */
function readSnils(text: string, kind: OwnerKind | null, fail: Fail): string | null {
  if (!text) {
    return null;
  }

  if (kind && kind !== 'person') {
    fail('owner_snils', 'not_for_owner_kind');

    return null;
  }

  const check = checkSnils(text);

  if (!check.valid) {
    fail('owner_snils', check.reason);

    return null;
  }

  return check.value;
}

import { checkCadastralNumber } from '../../../domain/identifiers/checksums.js';
import { parseArea } from '../../../domain/property-claims/area.js';
import { parseShare } from '../../../domain/shares/fraction.js';
import { ApiError } from '../../api/client.js';
import type { StoredFile } from '../../api/files.js';
import type { NewClaim, PremiseKind, TitleKind } from '../../api/propertyClaims.js';

/**
 * The claim form's state, its checks (the same domain rules the server applies, so a hint comes
 * before a round trip) and the wizard step each field lives on.
 */

export type Draft = {
  house: { id: string; address: string } | null;
  cadastralNumber: string;
  premiseKind: PremiseKind | null;
  premiseNumber: string;
  area: string;
  share: string;
  titleKind: TitleKind | null;
  titleNumber: string;
  titleDate: string;
  files: StoredFile[];
};

export type Field =
  | 'houseId'
  | 'cadastralNumber'
  | 'premiseKind'
  | 'premiseNumber'
  | 'area'
  | 'share'
  | 'titleKind'
  | 'titleNumber'
  | 'titleDate'
  | 'fileIds';

export const STEPS = ['address', 'object', 'share', 'title', 'scans', 'review'] as const;

export type Step = (typeof STEPS)[number];

export const STEP_FIELDS: Record<Step, Field[]> = {
  address: ['houseId'],
  object: ['cadastralNumber', 'premiseKind', 'premiseNumber', 'area'],
  share: ['share'],
  title: ['titleKind', 'titleNumber', 'titleDate'],
  scans: ['fileIds'],
  review: [],
};

export const EMPTY_DRAFT: Draft = {
  house: null,
  cadastralNumber: '',
  premiseKind: null,
  premiseNumber: '',
  area: '',
  share: '1',
  titleKind: null,
  titleNumber: '',
  titleDate: '',
  files: [],
};

/** A translation key under `property.add.errors`, per field that has a problem. */
export type Problems = Partial<Record<Field, string>>;

export function checkDraft(draft: Draft, today: string): Problems {
  const problems: Problems = {};
  const area = parseArea(draft.area);
  const share = parseShare(draft.share);

  if (!draft.house) {
    problems.houseId = 'house';
  }

  if (!checkCadastralNumber(draft.cadastralNumber).valid) {
    problems.cadastralNumber = draft.cadastralNumber.trim() ? 'cadastral' : 'required';
  }

  if (!draft.premiseKind) {
    problems.premiseKind = 'required';
  }

  if (!draft.premiseNumber.trim()) {
    problems.premiseNumber = 'number';
  }

  if (!area.ok) {
    problems.area = draft.area.trim() ? `area.${area.problem}` : 'required';
  }

  if (!share.ok) {
    problems.share = draft.share.trim() ? `share.${share.problem}` : 'required';
  }

  if (!draft.titleKind) {
    problems.titleKind = 'required';
  }

  if (draft.titleDate && draft.titleDate > today) {
    problems.titleDate = 'titleDate';
  }

  if (draft.files.length === 0) {
    problems.fileIds = 'files';
  }

  return problems;
}

export function stepProblems(problems: Problems, step: Step): Field[] {
  return STEP_FIELDS[step].filter((field) => problems[field] !== undefined);
}

export function toNewClaim(draft: Draft): NewClaim {
  return {
    houseId: draft.house?.id ?? '',
    premiseNumber: draft.premiseNumber.trim(),
    premiseKind: draft.premiseKind ?? 'flat',
    cadastralNumber: draft.cadastralNumber.trim(),
    area: draft.area.trim(),
    share: draft.share.trim(),
    titleKind: draft.titleKind ?? 'other',
    titleNumber: draft.titleNumber.trim() || null,
    titleDate: draft.titleDate || null,
    fileIds: draft.files.map((file) => file.id),
  };
}

// Server rules that have their own wording; anything else shows the server's message.
const SERVER_RULES: Record<string, string> = {
  'cadastralNumber:format': 'cadastral',
  'cadastralNumber:duplicate': 'duplicate',
  'houseId:unknown': 'house',
  'titleDate:range': 'titleDate',
  'fileIds:unavailable': 'unavailable',
};

/** The server's field problems of a refused claim, by field, as keys or the server's own text. */
export function serverProblems(error: unknown): { field: Field; key?: string; text: string }[] {
  if (!(error instanceof ApiError)) {
    return [];
  }

  return error.fieldErrors.map((fieldError) => {
    const field = fieldError.field.replace(/^body\./, '').split('.')[0] as Field;
    const rule = fieldError.rule;
    const key = SERVER_RULES[`${field}:${rule}`] ?? figureKey(field, rule);

    return { field, key, text: fieldError.message };
  });
}

// The share's and area's own rules have the same wording as the form's checks: `shareAboveOne`.
const FIGURE_RULES: Record<string, string> = {
  format: 'Format',
  zero: 'Zero',
  above_one: 'AboveOne',
  too_large: 'TooLarge',
};

function figureKey(field: Field, rule: string): string | undefined {
  const suffix = FIGURE_RULES[rule];

  if ((field !== 'share' && field !== 'area') || !suffix) {
    return undefined;
  }

  const key = `${field}${suffix}`;

  // Only keys the translations have; a rule without one shows the server's own text.
  return key === 'areaAboveOne' ? undefined : key;
}

export function stepOf(field: Field): Step {
  return STEPS.find((step) => STEP_FIELDS[step].includes(field)) ?? 'review';
}

/** Kinds of document the platform keeps; each has its own upload policy. */
export const DOCUMENT_KINDS = [
  'contract',
  'act',
  'technical',
  'licence',
  'protocol',
  'certificate',
  'personal',
  'other',
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_SCOPES = ['personal', 'house', 'organisation'] as const;

export type DocumentScope = (typeof DOCUMENT_SCOPES)[number];

/** What an upload of a kind may be: file types (by content) and the largest size. */
export type UploadRule = { types: readonly ('pdf' | 'jpeg' | 'png')[]; maxBytes: number };

const MB = 1024 * 1024;

/** The product's default: PDF, JPG or PNG up to 5 MB (domain-rules §8: a product limit). */
export const DEFAULT_UPLOAD_RULE: UploadRule = { types: ['pdf', 'jpeg', 'png'], maxBytes: 5 * MB };

/**
 * Reads per-kind overrides written as `kind=types:megabytes` separated by commas, e.g.
 * `technical=pdf:20,act=pdf`. Types are joined with `+` (`pdf+jpeg`); a missing size keeps 5 MB.
 * Unknown kinds, types or sizes are problems, so a typo cannot quietly keep the default.
 */
export function parseUploadPolicy(
  text: string,
):
  | { ok: true; rules: Partial<Record<DocumentKind, UploadRule>> }
  | { ok: false; problems: string[] } {
  const rules: Partial<Record<DocumentKind, UploadRule>> = {};
  const problems: string[] = [];

  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [kind = '', spec = ''] = pair.split('=').map((p) => p.trim());
    const [typesText = '', sizeText] = spec.split(':');
    const types = typesText.split('+').map((t) => t.trim().toLowerCase());
    const megabytes = sizeText === undefined ? 5 : Number(sizeText);

    if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
      problems.push(`unknown document kind "${kind}"`);
    } else if (types.some((t) => !['pdf', 'jpeg', 'png'].includes(t))) {
      problems.push(`${kind}: types must be pdf, jpeg or png joined with +`);
    } else if (!Number.isFinite(megabytes) || megabytes <= 0 || megabytes > 50) {
      // ГИС ЖКХ accepts at most 50 MB per file (domain-rules §8).
      problems.push(`${kind}: size must be a number of megabytes from 0 to 50`);
    } else {
      rules[kind as DocumentKind] = {
        types: types as UploadRule['types'],
        maxBytes: Math.round(megabytes * MB),
      };
    }
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules };
}

export function uploadRuleFor(
  kind: DocumentKind,
  overrides: Partial<Record<DocumentKind, UploadRule>>,
): UploadRule {
  return overrides[kind] ?? DEFAULT_UPLOAD_RULE;
}

/** Statuses of a document; only `active` ones take new versions. */
export type DocumentStatus = 'active' | 'awaiting_signature' | 'signed' | 'superseded';

export function acceptsNewVersion(status: DocumentStatus): boolean {
  return status === 'active';
}

/**
 * Whether the bytes are an encrypted PDF: the trailer (or a cross-reference stream) names an
 * /Encrypt dictionary. Looks at the last 64 KiB, where every trailer of an incremental file is.
 */
export function isEncryptedPdf(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 65536))).toString('latin1');
  const head = Buffer.from(bytes.subarray(0, 65536)).toString('latin1');

  return /\/Encrypt\s*(\d+\s+\d+\s+R|<<)/.test(tail) || /\/Encrypt\s*(\d+\s+\d+\s+R|<<)/.test(head);
}

/** Tags as people type them: trimmed, lower-cased, unique, at most 10 of 40 characters. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();

  for (const tag of tags) {
    const clean = tag.trim().toLowerCase().replace(/\s+/g, ' ');

    if (clean && clean.length <= 40) {
      seen.add(clean);
    }
  }

  return [...seen].slice(0, 10);
}

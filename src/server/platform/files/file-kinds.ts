import path from 'node:path';

import { AppError } from '../errors.js';

/**
 * The kinds of file the platform accepts, recognised by content. `mime` is what is stored and
 * served; `aliases` are other spellings clients declare for the same thing; `extensions` are the
 * names a file of this kind may carry.
 */
export const FILE_KINDS = {
  pdf: {
    label: 'PDF',
    mime: 'application/pdf',
    aliases: ['application/x-pdf'],
    extensions: ['pdf'],
  },
  jpeg: {
    label: 'JPEG',
    mime: 'image/jpeg',
    aliases: ['image/jpg', 'image/pjpeg'],
    extensions: ['jpg', 'jpeg', 'jpe', 'jfif'],
  },
  png: { label: 'PNG', mime: 'image/png', aliases: ['image/x-png'], extensions: ['png'] },
  /** iPhone photos; accepted only where the upload converts them (see image-sanitize.ts). */
  heic: {
    label: 'HEIC',
    mime: 'image/heic',
    aliases: ['image/heif', 'image/heic-sequence', 'image/heif-sequence'],
    extensions: ['heic', 'heif'],
  },
} as const satisfies Record<
  string,
  { label: string; mime: string; aliases: readonly string[]; extensions: readonly string[] }
>;

export type FileKind = keyof typeof FILE_KINDS;

/** The product's default for documents and scans: PDF, JPG or PNG. */
export const DEFAULT_UPLOAD_KINDS: readonly FileKind[] = ['pdf', 'jpeg', 'png'];

// Declared types that say nothing: browsers send octet-stream for unfamiliar extensions, and
// multipart parsers report text/plain for a part without a Content-Type (RFC 7578 §4.4).
const UNINFORMATIVE_MIME = new Set([
  '',
  'application/octet-stream',
  'binary/octet-stream',
  'text/plain',
]);

/** What content sniffing found: the library's verdict, or undefined when it recognised nothing. */
export type Sniffed = { mime: string; ext: string } | undefined;

export type UploadClaims = {
  /** The file name as sanitised for storage. */
  name: string;
  /** The Content-Type the client declared for the file, if any. */
  declaredMime?: string | undefined;
};

/**
 * Decides whether sniffed content may be stored: it must be one of the allowed kinds, and neither
 * the name's extension nor the declared type may claim another kind. Throws the refusal with its
 * reason in both languages; returns the kind otherwise.
 */
export function judgeUpload(sniffed: Sniffed, claims: UploadClaims, allowed: readonly FileKind[]) {
  const allowedLabels = allowed.map((kind) => FILE_KINDS[kind].label).join(', ');
  const kind = allowed.find((candidate) => mimesOf(candidate).includes(sniffed?.mime ?? ''));

  if (!kind) {
    const detected = sniffed ? `${sniffed.ext.toUpperCase()} (${sniffed.mime})` : null;

    throw new AppError('unsupported_media_type', {
      detail: detected
        ? {
            ru: `По содержимому это ${detected}; допустимы только ${allowedLabels}`,
            en: `The content is ${detected}; only ${allowedLabels} are accepted`,
          }
        : {
            ru: `Содержимое файла не распознано как ${allowedLabels}`,
            en: `The file content is not recognised as ${allowedLabels}`,
          },
      extra: { detectedType: sniffed?.mime ?? null, allowedTypes: allowedMimes(allowed) },
    });
  }

  const spec = FILE_KINDS[kind];
  const extension = path.extname(claims.name).slice(1).toLowerCase();

  if (extension && !(spec.extensions as readonly string[]).includes(extension)) {
    throw new AppError('file_type_mismatch', {
      detail: {
        ru: `Файл назван «.${extension}», но по содержимому это ${spec.label}`,
        en: `The file is named .${extension} but its content is ${spec.label}`,
      },
      extra: { detectedType: spec.mime, extension },
    });
  }

  const declared = normaliseMime(claims.declaredMime);

  if (!UNINFORMATIVE_MIME.has(declared) && !mimesOf(kind).includes(declared)) {
    throw new AppError('file_type_mismatch', {
      detail: {
        ru: `Заявлен тип ${declared}, но по содержимому это ${spec.label}`,
        en: `The declared type is ${declared} but the content is ${spec.label}`,
      },
      extra: { detectedType: spec.mime, declaredType: declared },
    });
  }

  return kind;
}

function mimesOf(kind: FileKind): readonly string[] {
  return [FILE_KINDS[kind].mime, ...FILE_KINDS[kind].aliases];
}

function allowedMimes(allowed: readonly FileKind[]): string[] {
  return allowed.map((kind) => FILE_KINDS[kind].mime);
}

function normaliseMime(value: string | undefined): string {
  return (value ?? '').split(';')[0]!.trim().toLowerCase();
}

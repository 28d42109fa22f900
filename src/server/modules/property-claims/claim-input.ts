import { checkCadastralNumber } from '../../../domain/identifiers/checksums.js';
import { parseArea } from '../../../domain/property-claims/area.js';
import { parseShare, type Share } from '../../../domain/shares/fraction.js';
import type { Config } from '../../config.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError, type ErrorCode, type FieldError } from '../../platform/errors.js';
import { DEFAULT_UPLOAD_KINDS, FILE_KINDS } from '../../platform/files/file-kinds.js';
import { findStoredFile } from '../../platform/files/files.repo.js';
import { findHouse, type HouseRow } from './claim-premises.repo.js';
import type { CreateClaimInput } from './property-claims.schema.js';

export type CheckedClaim = {
  house: HouseRow;
  cadastralNumber: string;
  areaCenti: number;
  share: Share;
  fileIds: string[];
};

// The oldest title documents still met in practice are from before the 1917 revolution.
const EARLIEST_TITLE_DATE = '1900-01-01';

const SHARE_MESSAGES = {
  format: 'a fraction such as 1/2, or 1 for the whole',
  zero: 'a share must be above zero',
  above_one: 'a share cannot be more than one',
  too_large: 'the denominator is too large',
} as const;

/**
 * Checks everything a claim needs before the registry is asked: identifiers by their format,
 * share and area by their rules, the house, and every scan (the caller's own, PDF/JPEG/PNG, within
 * the upload limit). All field problems are listed at once; the problem's code is that of the
 * first in the order of the form, so a client can rely on it.
 */
export async function checkClaimInput(
  ctx: { db: Queryable; config: Pick<Config, 'uploads'> },
  userId: string,
  input: CreateClaimInput,
): Promise<CheckedClaim> {
  const problems: { code: ErrorCode; error: FieldError }[] = [];
  const cadastral = checkCadastralNumber(input.cadastralNumber);
  const share = parseShare(input.share);
  const area = parseArea(input.area);
  const today = new Date().toISOString().slice(0, 10);

  if (!cadastral.valid) {
    problems.push(
      fieldProblem(
        'cadastral_number_invalid',
        'cadastralNumber',
        'format',
        'form 66:41:0702013:1234',
      ),
    );
  }

  if (!share.ok) {
    problems.push(
      fieldProblem('share_invalid', 'share', share.problem, SHARE_MESSAGES[share.problem]),
    );
  }

  if (!area.ok) {
    problems.push(
      fieldProblem('validation_failed', 'area', area.problem, 'square metres, e.g. 45.3'),
    );
  }

  if (input.titleDate && (input.titleDate > today || input.titleDate < EARLIEST_TITLE_DATE)) {
    problems.push(
      fieldProblem(
        'validation_failed',
        'titleDate',
        'range',
        `between ${EARLIEST_TITLE_DATE} and today`,
      ),
    );
  }

  const house = await findHouse(ctx.db, input.houseId);

  if (!house) {
    problems.push(fieldProblem('validation_failed', 'houseId', 'unknown', 'no such house'));
  }

  if (problems.length > 0 || !house || !cadastral.valid || !share.ok || !area.ok) {
    throw new AppError(problems[0]?.code ?? 'validation_failed', {
      errors: problems.map((p) => p.error),
    });
  }

  const fileIds = [...new Set(input.fileIds)];

  await checkFiles(ctx, userId, fileIds);

  return {
    house,
    cadastralNumber: cadastral.value,
    areaCenti: area.centi,
    share: share.share,
    fileIds,
  };
}

function fieldProblem(code: ErrorCode, field: string, rule: string, message: string) {
  return { code, error: { field, rule, message } };
}

/**
 * A scan must be the caller's own upload: another person's file id answers exactly like an
 * unknown one, so ids cannot be probed. Uploads are sniffed when stored; the kind and size are
 * checked again here because the claim's rule (PDF, JPEG, PNG within the limit) may be stricter
 * than whatever another feature let through.
 */
async function checkFiles(
  ctx: { db: Queryable; config: Pick<Config, 'uploads'> },
  userId: string,
  fileIds: string[],
) {
  const allowed = DEFAULT_UPLOAD_KINDS.map((kind) => FILE_KINDS[kind].mime as string);
  const labels = DEFAULT_UPLOAD_KINDS.map((kind) => FILE_KINDS[kind].label).join(', ');

  for (const [index, fileId] of fileIds.entries()) {
    const file = await findStoredFile(ctx.db, fileId);
    const field = `fileIds.${index}`;

    if (!file || file.uploadedBy !== userId) {
      throw new AppError('claim_file_unavailable', {
        errors: [{ field, rule: 'unavailable', message: 'not among your uploads' }],
        extra: { fileId },
      });
    }

    if (!allowed.includes(file.mimeType)) {
      throw new AppError('unsupported_media_type', {
        detail: {
          ru: `Файл «${file.originalName}» — не ${labels}; приложите скан в одном из этих форматов`,
          en: `The file «${file.originalName}» is not ${labels}; attach a scan in one of these`,
        },
        errors: [{ field, rule: 'kind', message: `only ${labels}` }],
        extra: { fileId, detectedType: file.mimeType },
      });
    }

    if (file.sizeBytes > ctx.config.uploads.maxBytes) {
      const megabytes = Math.floor(ctx.config.uploads.maxBytes / (1024 * 1024));

      throw new AppError('payload_too_large', {
        detail: {
          ru: `Файл «${file.originalName}» больше ${megabytes} МБ`,
          en: `The file «${file.originalName}» is larger than ${megabytes} MB`,
        },
        errors: [{ field, rule: 'size', message: `at most ${megabytes} MB` }],
        extra: { fileId, maxBytes: ctx.config.uploads.maxBytes },
      });
    }
  }
}

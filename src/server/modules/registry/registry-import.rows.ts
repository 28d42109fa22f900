import type { RawExtractRow } from '../../../domain/registry-extract/extract-row.js';
import type { ExtractProblem } from '../../../domain/registry-extract/problems.js';
import { AppError } from '../../platform/errors.js';

/** One right (or one object without a right) as read, with where it was written. */
export type SourceRow = {
  line: number;
  /** Where the object's own fields are: the same line in CSV, the `<object>` element in XML. */
  objectLine: number;
  raw: RawExtractRow;
  /** Problems the file's structure already shows (a repeated element, a short CSV record). */
  problems: ExtractProblem[];
};

/** A file that cannot be read as an extract at all: nothing in it is looked at row by row. */
export function fileProblem(en: string, ru: string, cause?: unknown): AppError {
  return new AppError('import_file_invalid', { detail: { ru, en }, cause });
}

import type { FastifyRequest } from 'fastify';

import { AppError } from '../../platform/errors.js';
import { tooLarge } from '../../platform/files/byte-meter.js';
import type { Upload } from './premises-import.service.js';

/** The one file part of a multipart request, whole, within the size limit. */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', {
      detail: {
        ru: 'Отправьте файл импорта в формате multipart/form-data',
        en: 'Send the import file as multipart/form-data',
      },
    });
  }

  const part = await request.file();

  if (!part) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'file', rule: 'required', message: 'a file part is required' }],
    });
  }

  try {
    return { bytes: await part.toBuffer(), fileName: part.filename || 'import' };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw tooLarge(maxBytes);
    }

    throw error;
  }
}

import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { AppError } from '../../platform/errors.js';
import { tooLarge } from '../../platform/files/byte-meter.js';

/** The hard ceiling of one part; each document kind's own (smaller) limit is applied after. */
export const PART_CEILING_BYTES = 50 * 1024 * 1024;

export type Part = { bytes: Buffer; filename: string | undefined; mimetype: string | undefined };

/** Lets the routes of `scope` take multipart forms of a few text fields and files. */
export async function acceptForms(scope: FastifyInstance) {
  await scope.register(fastifyMultipart, {
    limits: {
      fileSize: PART_CEILING_BYTES + 1,
      files: 3,
      fields: 12,
      fieldSize: 2048,
      parts: 16,
      headerPairs: 100,
    },
  });

  scope.addHook('onError', async (request, reply) => {
    if (!request.raw.complete) {
      reply.header('connection', 'close');
    }
  });
}

/** Reads the whole form: text fields by name, and each file part into memory (≤ 50 MB). */
export async function readForm(request: FastifyRequest) {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', {
      detail: {
        ru: 'Отправьте форму как multipart/form-data',
        en: 'Send the form as multipart/form-data',
      },
    });
  }

  const fields: Record<string, string | string[]> = {};
  const files = new Map<string, Part>();

  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer().catch((error: unknown) => {
        throw (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE'
          ? tooLarge(PART_CEILING_BYTES)
          : (error as Error);
      });

      if (bytes.length > PART_CEILING_BYTES) {
        throw tooLarge(PART_CEILING_BYTES);
      }

      files.set(part.fieldname, { bytes, filename: part.filename, mimetype: part.mimetype });
    } else {
      const value = String(part.value);
      const previous = fields[part.fieldname];

      fields[part.fieldname] = previous === undefined ? value : [previous, value].flat();
    }
  }

  return { fields, files };
}

export function requirePart(files: Map<string, Part>, name: string): Part {
  const part = files.get(name);

  if (!part) {
    throw new AppError('validation_failed', {
      errors: [{ field: name, rule: 'required', message: `a "${name}" file part is required` }],
    });
  }

  return part;
}

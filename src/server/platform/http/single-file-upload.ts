import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { AppError } from '../errors.js';
import { tooLarge } from '../files/byte-meter.js';

type Text = { ru: string; en: string };

/**
 * Lets the routes of `scope` take one file of at most `maxBytes` as multipart/form-data, the way
 * importers do: the whole file in memory, the envelope kept small. Register it in a scope of its
 * own, so the multipart parser applies to those routes only.
 */
export async function acceptSingleFile(scope: FastifyInstance, maxBytes: number) {
  await scope.register(fastifyMultipart, {
    limits: {
      fileSize: maxBytes,
      files: 1,
      fields: 5,
      fieldSize: 1024,
      parts: 10,
      headerPairs: 100,
    },
  });

  // A refused upload is answered while the client is still sending; closing the connection
  // spares reading the rest.
  scope.addHook('onError', async (request, reply) => {
    if (!request.raw.complete) {
      reply.header('connection', 'close');
    }
  });
}

/** The one file part of a request in a scope set up by `acceptSingleFile`, whole. */
export async function readSingleFile(
  request: FastifyRequest,
  options: { maxBytes: number; defaultName: string; sendAs: Text },
): Promise<{ bytes: Buffer; fileName: string }> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', { detail: options.sendAs });
  }

  const part = await request.file();

  if (!part) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'file', rule: 'required', message: 'a file part is required' }],
    });
  }

  try {
    return { bytes: await part.toBuffer(), fileName: part.filename || options.defaultName };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw tooLarge(options.maxBytes);
    }

    throw error;
  }
}

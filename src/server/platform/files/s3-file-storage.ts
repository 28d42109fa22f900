import { Readable } from 'node:stream';

import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';

import { ByteMeter } from './byte-meter.js';
import {
  assertSafeKey,
  StorageObjectNotFoundError,
  type FileStorage,
  type ObjectStat,
  type PutOptions,
  type StorageBody,
  type StoredObject,
} from './file-storage.js';

export type S3Settings = {
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
};

/**
 * Objects in an S3-compatible bucket. Uploads stream through the byte meter into a multipart
 * upload, so size limits and the SHA-256 are enforced here exactly as on local disk; S3 makes an
 * object visible only when its upload completes, which gives the same all-or-nothing contract.
 */
export class S3FileStorage implements FileStorage {
  readonly kind = 's3' as const;
  readonly client: S3Client;

  constructor(readonly settings: S3Settings) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials:
        settings.accessKeyId && settings.secretAccessKey
          ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
          : undefined,
    });
  }

  async put(key: string, body: StorageBody, options: PutOptions = {}): Promise<StoredObject> {
    assertSafeKey(key);

    const meter = new ByteMeter(options.maxBytes);
    const source = body instanceof Uint8Array ? Readable.from([body]) : body;
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.settings.bucket,
        Key: key,
        Body: source.pipe(meter),
        ContentType: options.contentType,
      },
    });

    // A refused stream (too large) aborts the multipart upload, so nothing becomes visible.
    source.on('error', (error) => meter.destroy(error));
    const failed = new Promise<never>((_, reject) => meter.on('error', reject));

    try {
      await Promise.race([upload.done(), failed]);
    } catch (error) {
      await upload.abort().catch(() => undefined);
      throw error;
    }

    return { key, sizeBytes: meter.bytes, sha256: meter.digest() };
  }

  async openRead(key: string): Promise<Readable> {
    assertSafeKey(key);

    try {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }),
      );

      return answer.Body as Readable;
    } catch (error) {
      throw absent(error) ? new StorageObjectNotFoundError(key) : error;
    }
  }

  async stat(key: string): Promise<ObjectStat | null> {
    assertSafeKey(key);

    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.settings.bucket, Key: key }),
      );

      return { sizeBytes: head.ContentLength ?? 0, modifiedAt: head.LastModified ?? new Date(0) };
    } catch (error) {
      if (absent(error)) {
        return null;
      }

      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
  }
}

function absent(error: unknown): boolean {
  return (
    error instanceof NoSuchKey ||
    error instanceof NotFound ||
    (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
  );
}

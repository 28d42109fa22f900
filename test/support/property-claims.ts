import fs from 'node:fs';

import type { FastifyInstance } from 'fastify';

import { ownerNameKey } from '../../src/domain/registry-extract/owner-name.js';
import type { Queryable } from '../../src/server/platform/db/database.js';

const SCAN = fs.readFileSync(new URL('../fixtures/files/scan.jpg', import.meta.url));

let cadastralSeq = 100;

/** A cadastral number no other test uses, in the Ekaterinburg district's form. */
export function nextCadastral(): string {
  cadastralSeq += 1;

  return `66:41:0799001:${cadastralSeq}`;
}

export type TestRight = {
  ownerName: string;
  share: [number, number];
  ownerKind?: 'person' | 'company' | 'municipality';
  registrationNumber?: string;
  registeredOn?: string;
  snilsDigest?: string | null;
};

/**
 * A registry object with its rights, written straight into the local copy of extracts, the way
 * `mpdom import registry` leaves it; claims tests do not depend on any demo extract.
 */
export async function insertRegistryObject(
  db: Queryable,
  object: {
    cadastralNumber: string;
    houseId: string | null;
    premiseNumber: string | null;
    kind: 'flat' | 'non_residential' | 'parking' | 'storage';
    area: string;
    address?: string;
    rights: TestRight[];
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO registry_objects (cadastral_number, address, house_id, premise_number, kind, area,
       extracted_on)
     VALUES ($1, $2, $3, $4, $5, $6, '2026-11-01') RETURNING id`,
    [
      object.cadastralNumber,
      object.address ?? 'Свердловская обл., г. Екатеринбург (тест)',
      object.houseId,
      object.premiseNumber,
      object.kind,
      object.area,
    ],
  );

  for (const [index, right] of object.rights.entries()) {
    await db.query(
      `INSERT INTO registry_rights (object_id, owner_kind, owner_name, owner_name_key,
         owner_snils_digest, share_numerator, share_denominator, registration_number, registered_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        row!.id,
        right.ownerKind ?? 'person',
        right.ownerName,
        ownerNameKey(right.ownerName),
        right.snilsDigest ?? null,
        right.share[0],
        right.share[1],
        right.registrationNumber ?? `${object.cadastralNumber}-66/199/2020-${index + 1}`,
        right.registeredOn ?? '2020-03-15',
      ],
    );
  }

  return row!.id;
}

/** Uploads the sample JPEG scan through the files API as the session's user. */
export async function uploadScan(
  app: FastifyInstance,
  session: { cookie: string; csrf: string },
  name = 'title.jpg',
): Promise<string> {
  const boundary = '----claims-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    ),
    SCAN,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/files',
    payload: body,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });

  if (response.statusCode !== 201) {
    throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  }

  return response.json<{ id: string }>().id;
}

/** How many rows the claims touch: a failed request must leave every count as it was. */
export async function claimCounts(db: Queryable) {
  const [row] = await db.query<{
    claims: number;
    files: number;
    ownerships: number;
    premises: number;
    messages: number;
  }>(
    `SELECT (SELECT count(*)::int FROM property_claims) AS claims,
            (SELECT count(*)::int FROM property_claim_files) AS files,
            (SELECT count(*)::int FROM ownerships) AS ownerships,
            (SELECT count(*)::int FROM premises) AS premises,
            (SELECT count(*)::int FROM outbox_messages) AS messages`,
  );

  return row!;
}

/**
 * Times the signature work of the documents module: verifying detached CMS signatures made by
 * OpenSSL (ГОСТ Р 34.10-2012 256 and 512 on our bigint arithmetic, RSA-2048 and ECDSA P-256
 * through Node) and signing a certificate PDF with the organisation's key.
 *
 *   npx tsx bench/documents-signatures.ts
 */
import fs from 'node:fs';
import path from 'node:path';

import { signedCertificatePdf } from '../src/server/modules/documents/certificate-pdf.js';
import { verifyDetachedCms } from '../src/server/modules/documents/cms-verification.js';
import { organisationKey } from '../src/server/modules/documents/signing-keys.js';
import type { Queryable } from '../src/server/platform/db/database.js';
import {
  assertGostEngine,
  makeSigner,
  signDetached,
  workDir,
  type KeyKind,
} from '../test/support/openssl-signatures.js';

const ROUNDS = 50;

function time(label: string, rounds: number, work: () => unknown) {
  const started = process.hrtime.bigint();

  for (let i = 0; i < rounds; i += 1) {
    work();
  }

  const perCall = Number(process.hrtime.bigint() - started) / 1e6 / rounds;

  console.log(`${label.padEnd(34)} ${perCall.toFixed(2).padStart(8)} ms per call`);
}

async function main() {
  assertGostEngine();

  const dir = workDir();
  const file = path.join(dir, 'act.pdf');
  const document = Buffer.alloc(1024 * 1024, 0x25);

  fs.writeFileSync(file, document);

  for (const kind of ['gost256', 'gost512', 'rsa', 'ecdsa'] as KeyKind[]) {
    const signature = signDetached(dir, makeSigner(dir, kind, '/CN=Bench/C=RU'), file);

    if (verifyDetachedCms(signature, document).verdict !== 'valid') {
      throw new Error(`${kind}: the signature did not verify`);
    }

    time(`verify ${kind} (1 MB document)`, ROUNDS, () => verifyDetachedCms(signature, document));
  }

  // A key held in memory: the bench measures rendering and signing, not the database.
  let stored: { certificatePem: string; sealed: string; notAfter: Date } | undefined;
  const db = {
    query: async (sql: string, params: unknown[] = []) => {
      if (sql.trim().startsWith('INSERT')) {
        stored = {
          certificatePem: params[1] as string,
          sealed: params[2] as string,
          notAfter: params[3] as Date,
        };
      }

      return sql.trim().startsWith('SELECT') && stored ? [stored] : [];
    },
  } as unknown as Queryable;
  const config = { documents: { certificateKey: 'bench-'.repeat(8), uploadPolicy: '' } };
  const organisation = { id: 'bench', name: 'ООО «УК Бенч»', inn: '6670000000' };
  const key = await organisationKey(db, config, organisation);
  const started = process.hrtime.bigint();
  const rounds = 10;

  for (let i = 0; i < rounds; i += 1) {
    await signedCertificatePdf(
      {
        title: 'Справка о праве собственности',
        number: `СС-2026-${String(i).padStart(6, '0')}`,
        issuedAt: new Date(),
        validUntil: '2027-01-01',
        organisation: { name: organisation.name, inn: organisation.inn, ogrn: null },
        facts: [{ label: 'Собственник', value: 'Иванов Иван Иванович' }],
        statement: 'Справка дана для предъявления по месту требования.',
        verificationUrl: 'http://localhost:3000/verify/0123456789abcdef0123.0123456789ab',
      },
      await organisationKey(db, config, organisation),
    );
  }

  console.log(
    `${'certificate PDF, rendered and signed'.padEnd(34)} ${(Number(process.hrtime.bigint() - started) / 1e6 / rounds).toFixed(2).padStart(8)} ms per call`,
  );
  void key;
}

await main();

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getAccountBalance } from '../../src/server/modules/billing/account-balance.js';
import {
  createAccessWorld,
  requestAs,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';
import { formAs } from '../support/documents.js';
import { workDir } from '../support/openssl-signatures.js';

type Problem = { code: string; detail: string };
type Certificate = {
  id: string;
  number: string;
  state: string;
  verificationUrl: string;
  sha256: string;
  title: string;
};
type Verification = {
  state: string;
  number: string;
  facts: { label: string; value: string }[];
  signer: { subject: string };
};

describe('certificates and their public verification', () => {
  let world: AccessWorld;
  let owner: Session;
  let resident: Session;
  let admin: Session;
  let certificate: Certificate;
  let pdf: Buffer;
  let token: string;

  beforeAll(async () => {
    world = await createAccessWorld();
    owner = await world.openSession('owner@mpdom.test');
    resident = await world.openSession('resident@mpdom.test');
    admin = await world.openSession('uk-admin@mpdom.test');
  });

  afterAll(async () => {
    await world.platform.stop();
  });

  it('should issue an ownership certificate as a PDF whose embedded signature validates', async () => {
    const answer = await requestAs(world.platform, owner)('POST', '/api/v1/certificates', {
      kind: 'ownership',
      premiseId: world.ownerFlat,
    });

    expect(answer.statusCode).toBe(201);
    certificate = answer.json<Certificate>();
    expect(certificate.number).toMatch(/^СС-\d{4}-\d{6}$/);
    expect(certificate.state).toBe('current');
    token = certificate.verificationUrl.split('/verify/')[1]!;

    const file = await requestAs(world.platform, owner)(
      'GET',
      `/api/v1/certificates/${certificate.id}/file`,
    );

    expect(file.headers['content-type']).toBe('application/pdf');
    pdf = file.rawPayload;

    const dir = workDir();
    const target = path.join(dir, 'certificate.pdf');

    fs.writeFileSync(target, pdf);

    // poppler checks the embedded CMS over the byte ranges, independently of the platform.
    const report = execFileSync('pdfsig', [target]).toString();
    const text = execFileSync('pdftotext', [target, '-']).toString();

    expect(report).toContain('Signature is Valid');
    expect(report).toContain('adbe.pkcs7.detached');
    expect(text).toContain('СПРАВКА О ПРАВЕ СОБСТВЕННОСТИ');
    expect(text).toContain('ДОКУМЕНТ ПОДПИСАН');
    // The printed link may wrap; the QR carries it whole.
    expect(text.replace(/\s+/g, '')).toContain(certificate.verificationUrl);
  });

  it('should show anyone with the link that the certificate is authentic and current', async () => {
    const answer = await requestAs(world.platform, null)(
      'GET',
      `/api/v1/certificate-verifications/${token}`,
    );

    expect(answer.statusCode).toBe(200);
    expect(answer.json<Verification>().state).toBe('current');
    expect(answer.json<Verification>().number).toBe(certificate.number);
    expect(answer.json<Verification>().facts.map((f) => f.label)).toContain('Собственник');
  });

  it('should tell the issued file from one altered by a single byte', async () => {
    const check = (data: Buffer) =>
      formAs(world.platform, null)(`/api/v1/certificate-verifications/${token}/checks`, [
        { name: 'file', data, filename: 'справка.pdf' },
      ]);
    const altered = Buffer.from(pdf);

    altered[Math.floor(altered.length / 2)] = altered[Math.floor(altered.length / 2)]! ^ 0x01;

    const same = await check(pdf);
    const changed = await check(altered);

    expect(same.json<{ unchanged: boolean }>().unchanged).toBe(true);
    expect(changed.json<{ unchanged: boolean; message: string }>().unchanged).toBe(false);
    expect(changed.json<{ message: string }>().message).toContain('не совпадает');
  });

  it('should answer a tampered or malformed link plainly', async () => {
    const [id, mac] = token.split('.') as [string, string];
    const flip = (text: string) => (text[0] === 'a' ? 'b' : 'a') + text.slice(1);
    const get = (t: string) =>
      requestAs(world.platform, null)(
        'GET',
        `/api/v1/certificate-verifications/${encodeURIComponent(t)}`,
      );

    for (const bad of [
      `${flip(id)}.${mac}`,
      `${id}.${flip(mac)}`,
      id,
      '<script>',
      'x'.repeat(60),
    ]) {
      const answer = await get(bad);

      expect(answer.statusCode, bad).toBe(404);
      expect(answer.json<Problem>().code).toBe('verification_link_invalid');
    }

    // Fastify refuses path parameters over 100 characters before any handler runs.
    expect((await get('y'.repeat(300))).statusCode).toBe(414);
  });

  it('should keep certificates to their holder and the issuing organisation', async () => {
    expect(
      (
        await requestAs(world.platform, resident)(
          'GET',
          `/api/v1/certificates/${certificate.id}/file`,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (await requestAs(world.platform, admin)('GET', `/api/v1/certificates/${certificate.id}/file`))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await requestAs(world.platform, resident)('POST', '/api/v1/certificates', {
          kind: 'ownership',
          premiseId: world.ownerFlat,
        })
      ).json<Problem>().code,
    ).toBe('certificate_refused');
    expect(
      (
        await requestAs(world.platform, owner)('POST', '/api/v1/certificates', {
          kind: 'passport',
          premiseId: world.ownerFlat,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('should issue a no-debt certificate only when billing shows no debt', async () => {
    const [account] = await world.platform.ctx.db.query<{ id: string }>(
      'SELECT id FROM personal_accounts WHERE premise_id = $1 AND closed_on IS NULL LIMIT 1',
      [world.ownerFlat],
    );
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(
      new Date(),
    );
    const balance = await getAccountBalance(world.platform.ctx.db, {
      personalAccountId: account!.id,
      onDate: today,
    });
    const answer = await requestAs(world.platform, owner)('POST', '/api/v1/certificates', {
      kind: 'no_debt',
      premiseId: world.ownerFlat,
    });

    if (balance.balanceKopecks > 0n) {
      expect(answer.json<Problem>().code).toBe('certificate_refused');
      expect(answer.json<Problem>().detail).toContain('задолженность');
    } else {
      expect(answer.statusCode).toBe(201);
      expect(answer.json<Certificate>().number).toMatch(/^СЗ-/);
    }

    const status = await requestAs(world.platform, owner)('POST', '/api/v1/certificates', {
      kind: 'utility_services',
      premiseId: world.ownerFlat,
    });

    expect(status.statusCode).toBe(201);
  });

  it('should let the issuing organisation revoke it, and the public page say so', async () => {
    const byOwner = await requestAs(world.platform, owner)(
      'POST',
      `/api/v1/certificates/${certificate.id}/revoke`,
      { reason: 'x' },
    );
    const revoked = await requestAs(world.platform, admin)(
      'POST',
      `/api/v1/certificates/${certificate.id}/revoke`,
      {
        reason: 'Выдана ошибочно',
      },
    );
    const twice = await requestAs(world.platform, admin)(
      'POST',
      `/api/v1/certificates/${certificate.id}/revoke`,
      {
        reason: 'Ещё раз',
      },
    );
    const page = await requestAs(world.platform, null)(
      'GET',
      `/api/v1/certificate-verifications/${token}`,
    );

    expect(byOwner.statusCode).toBe(404);
    expect(revoked.json<Certificate>().state).toBe('revoked');
    expect(twice.json<Problem>().code).toBe('certificate_revoked');
    expect(page.json<Verification & { revokeReason: string }>().state).toBe('revoked');
    expect(page.json<{ revokeReason: string }>().revokeReason).toBe('Выдана ошибочно');
  });
});

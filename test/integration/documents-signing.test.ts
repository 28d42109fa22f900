import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createAccessWorld,
  requestAs,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';
import { documentForm, formAs, latestCode } from '../support/documents.js';
import {
  assertGostEngine,
  makeSigner,
  signDetached,
  workDir,
} from '../support/openssl-signatures.js';
import { samplePdf } from '../support/sample-files.js';

type Problem = { code: string; detail: string; verdict?: string };
type Request = { id: string; status: string; signerName: string; documentId: string };
type Doc = {
  id: string;
  status: string;
  signatures: {
    method: string;
    sha256: string;
    signerName: string;
    codeReference: string | null;
    hasStampedCopy: boolean;
    verdict: string;
    certificate: { subject: string } | null;
  }[];
  signatureRequests: Request[];
  versions: { sha256: string }[];
};

describe('signing flows and signatures', () => {
  let world: AccessWorld;
  let owner: Session;
  let resident: Session;
  let admin: Session;
  let ownerPhone: string;
  let actId: string;
  let requestId: string;

  beforeAll(async () => {
    assertGostEngine();
    world = await createAccessWorld();
    owner = await world.openSession('owner@mpdom.test');
    resident = await world.openSession('resident@mpdom.test');
    admin = await world.openSession('uk-admin@mpdom.test');

    const [user] = await world.platform.ctx.db.query<{ phone: string }>(
      `SELECT phone FROM users WHERE email = 'owner@mpdom.test'`,
    );

    ownerPhone = user!.phone;
  });

  afterAll(async () => {
    await world.platform.stop();
  });

  it('should let the organisation send an act that both sides then follow', async () => {
    const created = await formAs(world.platform, admin)(
      '/api/v1/documents',
      documentForm(
        {
          scope: 'organisation',
          kind: 'act',
          title: 'Акт осмотра квартиры 1',
          organisationId: world.orgs.managing,
        },
        { data: samplePdf('act of inspection'), filename: 'акт.pdf' },
      ),
    );

    actId = created.json<Doc>().id;

    const signers = await requestAs(world.platform, admin)(
      'GET',
      `/api/v1/organisations/${world.orgs.managing}/document-signers?q=1`,
    );
    const signer = signers
      .json<{ personId: string; premiseId: string }[]>()
      .find((s) => s.premiseId === world.ownerFlat)!;
    const sent = await requestAs(world.platform, admin)(
      'POST',
      `/api/v1/documents/${actId}/signature-requests`,
      {
        signerPersonId: signer.personId,
        premiseId: world.ownerFlat,
        message: 'Подпишите, пожалуйста, акт осмотра',
      },
    );

    expect(sent.statusCode).toBe(201);
    requestId = sent.json<Request>().id;

    const mine = await requestAs(world.platform, owner)(
      'GET',
      '/api/v1/signature-requests?status=pending',
    );
    const theirs = await requestAs(world.platform, admin)(
      'GET',
      `/api/v1/signature-requests?organisationId=${world.orgs.managing}`,
    );

    expect(mine.json<{ items: Request[] }>().items.map((r) => r.id)).toContain(requestId);
    expect(theirs.json<{ items: Request[] }>().items.find((r) => r.id === requestId)?.status).toBe(
      'pending',
    );

    // Sending twice, or to a person who owns nothing there, is refused.
    const again = await requestAs(world.platform, admin)(
      'POST',
      `/api/v1/documents/${actId}/signature-requests`,
      {
        signerPersonId: signer.personId,
      },
    );
    const stranger = await requestAs(world.platform, admin)(
      'POST',
      `/api/v1/documents/${actId}/signature-requests`,
      {
        signerPersonId: '00000000-0000-4000-8000-000000000000',
      },
    );

    expect(again.json<Problem>().code).toBe('document_frozen');
    expect(stranger.statusCode).toBe(409);
  });

  it('should sign with a one-time code and record hash, signer, time and code reference', async () => {
    const asOwner = requestAs(world.platform, owner);

    expect(
      (
        await requestAs(world.platform, resident)(
          'POST',
          `/api/v1/signature-requests/${requestId}/codes`,
        )
      ).statusCode,
    ).toBe(404);

    const sent = await asOwner('POST', `/api/v1/signature-requests/${requestId}/codes`);

    expect(sent.statusCode).toBe(201);
    expect(sent.json<{ sentTo: string }>().sentTo).toContain('***');

    const code = await latestCode(world.platform, ownerPhone);
    const malformed = await asOwner('POST', `/api/v1/signature-requests/${requestId}/signatures`, {
      code: 'abc',
    });

    expect(malformed.statusCode).toBe(400);

    const signed = await asOwner('POST', `/api/v1/signature-requests/${requestId}/signatures`, {
      code,
    });

    expect(signed.statusCode).toBe(201);

    const doc = signed.json<Doc>();
    const signature = doc.signatures[0]!;

    expect(doc.status).toBe('signed');
    expect(signature.method).toBe('simple');
    expect(signature.sha256).toBe(doc.versions[0]!.sha256);
    expect(signature.codeReference).toMatch(/^[0-9a-f-]{36}$/);
    expect(signature.hasStampedCopy).toBe(true);

    // The organisation sees the same status.
    const seen = await requestAs(world.platform, admin)('GET', `/api/v1/documents/${actId}`);

    expect(seen.json<Doc>().signatureRequests[0]!.status).toBe('signed');

    // The stamped copy is a PDF that says who signed and the document's hash.
    const stamped = await asOwner('GET', `/api/v1/documents/${actId}/versions/1/file?copy=stamped`);
    const dir = workDir();
    const file = path.join(dir, 'stamped.pdf');

    fs.writeFileSync(file, stamped.rawPayload);

    const text = execFileSync('pdftotext', [file, '-']).toString();

    expect(text).toContain('ПОДПИСАНО ПРОСТОЙ ЭЛЕКТРОННОЙ ПОДПИСЬЮ');
    expect(text).toContain(signature.sha256.slice(0, 32));
    expect(text).toContain(signature.codeReference!);

    // The same code cannot sign twice, and the signed act cannot change.
    const replay = await asOwner('POST', `/api/v1/signature-requests/${requestId}/signatures`, {
      code,
    });
    const changed = await formAs(world.platform, admin)(`/api/v1/documents/${actId}/versions`, [
      { name: 'file', data: samplePdf('changed'), filename: 'акт.pdf' },
    ]);

    expect(replay.json<Problem>().code).toBe('signature_request_closed');
    expect(changed.json<Problem>().code).toBe('document_frozen');
  });

  it('should supersede a signed act with a new document and keep the signed one', async () => {
    const answer = await formAs(world.platform, admin)(`/api/v1/documents/${actId}/supersede`, [
      { name: 'title', data: 'Акт осмотра квартиры 1 (исправленный)' },
      { name: 'file', data: samplePdf('corrected'), filename: 'акт-2.pdf' },
    ]);

    expect(answer.statusCode).toBe(201);
    expect(answer.json<{ supersedesId: string }>().supersedesId).toBe(actId);

    const old = await requestAs(world.platform, admin)('GET', `/api/v1/documents/${actId}`);

    expect(old.json<Doc>().status).toBe('superseded');
    expect(old.json<Doc>().signatures).toHaveLength(1);
  });

  it('should attach a GOST signature made by OpenSSL and refuse a signature of another file', async () => {
    const dir = workDir();
    const pdf = samplePdf('contract for signature');
    const file = path.join(dir, 'contract.pdf');

    fs.writeFileSync(file, pdf);

    const created = await formAs(world.platform, admin)(
      '/api/v1/documents',
      documentForm(
        {
          scope: 'organisation',
          kind: 'contract',
          title: 'Договор управления',
          organisationId: world.orgs.managing,
        },
        { data: pdf, filename: 'contract.pdf' },
      ),
    );
    const id = created.json<Doc>().id;
    const signer = makeSigner(dir, 'gost256', '/CN=Директор УК/O=УК/C=RU');
    const other = path.join(dir, 'other.pdf');

    fs.writeFileSync(other, samplePdf('another file'));

    const wrong = await formAs(world.platform, admin)(`/api/v1/documents/${id}/signatures`, [
      { name: 'signature', data: signDetached(dir, signer, other), filename: 'contract.pdf.sig' },
    ]);

    expect(wrong.statusCode).toBe(422);
    expect(wrong.json<Problem>().verdict).toBe('document_changed');
    expect(
      (await requestAs(world.platform, admin)('GET', `/api/v1/documents/${id}`)).json<Doc>()
        .signatures,
    ).toHaveLength(0);

    const right = await formAs(world.platform, admin)(`/api/v1/documents/${id}/signatures`, [
      { name: 'signature', data: signDetached(dir, signer, file), filename: 'contract.pdf.sig' },
    ]);

    expect(right.statusCode).toBe(201);

    const doc = (
      await requestAs(world.platform, admin)('GET', `/api/v1/documents/${id}`)
    ).json<Doc>();

    expect(doc.status).toBe('signed');
    expect(doc.signatures[0]!.certificate?.subject).toContain('Директор УК');

    const garbage = await formAs(world.platform, owner)('/api/v1/signature-checks', [
      { name: 'document', data: pdf, filename: 'contract.pdf' },
      { name: 'signature', data: Buffer.from('garbage'), filename: 'x.sig' },
    ]);

    expect(garbage.json<{ verdict: string }>().verdict).toBe('malformed');
  });

  it('should let the addressee decline with a reason', async () => {
    const created = await formAs(world.platform, admin)(
      '/api/v1/documents',
      documentForm(
        {
          scope: 'organisation',
          kind: 'act',
          title: 'Акт сверки',
          organisationId: world.orgs.managing,
        },
        { data: samplePdf('reconciliation'), filename: 'сверка.pdf' },
      ),
    );
    const id = created.json<Doc>().id;
    const [person] = await world.platform.ctx.db.query<{ id: string }>(
      `SELECT person_id AS id FROM users WHERE email = 'owner@mpdom.test'`,
    );
    const sent = await requestAs(world.platform, admin)(
      'POST',
      `/api/v1/documents/${id}/signature-requests`,
      {
        signerPersonId: person!.id,
      },
    );
    const asOwner = requestAs(world.platform, owner);
    const pending = sent.json<Request>().id;

    await asOwner('POST', `/api/v1/signature-requests/${pending}/codes`);

    const code = await latestCode(world.platform, ownerPhone);
    const wrong = String((Number(code) + 1) % 10 ** code.length).padStart(code.length, '0');
    const refused = await asOwner('POST', `/api/v1/signature-requests/${pending}/signatures`, {
      code: wrong,
    });

    expect(refused.json<Problem>().code).toBe('otp_invalid');

    const declined = await requestAs(world.platform, owner)(
      'POST',
      `/api/v1/signature-requests/${sent.json<Request>().id}/decline`,
      { reason: 'Суммы не совпадают' },
    );

    expect(declined.json<Request>().status).toBe('declined');
    expect(
      (await requestAs(world.platform, admin)('GET', `/api/v1/documents/${id}`)).json<Doc>().status,
    ).toBe('active');
  });
});

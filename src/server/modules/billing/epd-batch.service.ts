import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { getStoredFile, openStoredFile, storeUpload } from '../../platform/files/files.service.js';
import { createPdf, pdfToBuffer } from '../../platform/pdf/pdf-document.js';
import { authorize } from '../access/authorize.js';
import type { Acting } from '../house-register/acting.js';
import { composeBill } from './bill-data.js';
import { notFound } from './billing-common.js';
import { addEpd } from './epd-pdf.js';

const COLUMNS = `id, organisation_id AS "organisationId", house_id AS "houseId", period, status, done,
  total, file_id AS "fileId", error`;

type Batch = {
  id: string;
  organisationId: string;
  houseId: string;
  period: string;
  status: string;
  done: number;
  total: number;
  fileId: string | null;
  error: string | null;
};

/** Queues the rendering of every ЕПД of a closed house period into one PDF. */
export async function startEpdBatch(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  input: { houseId: string; period: string },
) {
  await authorize(ctx, acting.user, 'billing.read', { organisationId });

  const [run] = await ctx.db.query(
    `SELECT 1 FROM billing_runs WHERE organisation_id = $1 AND house_id = $2 AND period = $3 AND status = 'closed'`,
    [organisationId, input.houseId, input.period],
  );

  if (!run) {
    throw new AppError('validation_failed', {
      errors: [
        { field: 'body.period', rule: 'closed', message: 'bills are printed for a closed period' },
      ],
    });
  }

  const [batch] = await ctx.db.query<Batch>(
    `INSERT INTO billing_epd_batches (organisation_id, house_id, period, created_by)
     VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
    [organisationId, input.houseId, input.period, acting.user!.id],
  );

  await ctx.jobs.send('billing-epd-batch', { batchId: batch!.id });

  return batch!;
}

async function requireBatch(ctx: AppContext, acting: Acting, id: string) {
  const [batch] = await ctx.db.query<Batch>(
    `SELECT ${COLUMNS} FROM billing_epd_batches WHERE id = $1`,
    [id],
  );

  if (!batch) {
    throw notFound('Пакет ЕПД не найден', 'No such ЕПД batch');
  }

  await authorize(ctx, acting.user, 'billing.read', { organisationId: batch.organisationId });

  return batch;
}

export const getEpdBatch = requireBatch;

export async function getEpdBatchFile(ctx: AppContext, acting: Acting, id: string) {
  const batch = await requireBatch(ctx, acting, id);

  if (!batch.fileId) {
    throw new AppError('conflict', {
      detail: { ru: 'Пакет ещё не готов', en: 'The batch is not ready yet' },
    });
  }

  const file = await getStoredFile(ctx, batch.fileId);

  await ctx.db.transaction((tx) =>
    recordAudit(tx, {
      actorUserId: acting.user!.id,
      requestId: acting.requestId,
      action: 'epd_batch.downloaded',
      objectType: 'billing_epd_batch',
      objectId: id,
      personalDataAccess: true,
    }),
  );

  return { fileName: `epd-${batch.period}.pdf`, stream: await openStoredFile(ctx, file) };
}

/** The job: every account of the house with a bill for the period, one ЕПД after another. */
export async function renderEpdBatch(
  ctx: Pick<AppContext, 'db' | 'logger' | 'config'>,
  batchId: string,
) {
  const [batch] = await ctx.db.query<Batch>(
    `UPDATE billing_epd_batches SET status = 'running' WHERE id = $1 RETURNING ${COLUMNS}`,
    [batchId],
  );

  if (!batch) {
    return;
  }

  try {
    const accounts = await ctx.db.query<{ id: string }>(
      `SELECT DISTINCT c.personal_account_id AS id, a.number FROM billing_charges c
         JOIN billing_runs r ON r.id = c.run_id AND r.status = 'closed' AND r.house_id = $1 AND r.period = $2
         JOIN personal_accounts a ON a.id = c.personal_account_id ORDER BY a.number`,
      [batch.houseId, batch.period],
    );
    const doc = createPdf({ title: `ЕПД за ${batch.period}`, subject: 'ЕПД дома' });

    await ctx.db.query('UPDATE billing_epd_batches SET total = $2 WHERE id = $1', [
      batchId,
      accounts.length,
    ]);

    for (const [index, account] of accounts.entries()) {
      if (index > 0) {
        doc.addPage();
      }

      await addEpd(doc, await composeBill(ctx.db, account.id, batch.period));

      if ((index + 1) % 20 === 0) {
        await ctx.db.query('UPDATE billing_epd_batches SET done = $2 WHERE id = $1', [
          batchId,
          index + 1,
        ]);
      }
    }

    const bytes = await pdfToBuffer(doc);
    const stored = await storeUpload(ctx, {
      body: bytes,
      originalName: `epd-${batch.period}.pdf`,
      allowed: ['pdf'],
      // A house's bills can be far larger than a person's upload.
      maxBytes: 500 * 1024 * 1024,
      uploadedBy: null,
    });

    await ctx.db.query(
      `UPDATE billing_epd_batches SET status = 'done', done = total, file_id = $2, finished_at = now() WHERE id = $1`,
      [batchId, stored.id],
    );
  } catch (error) {
    await ctx.db.query(
      `UPDATE billing_epd_batches SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`,
      [batchId, String((error as Error).message).slice(0, 500)],
    );
    throw error;
  }
}

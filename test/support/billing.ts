import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { AccessWorld, Session } from './access-world.js';
import { requestAs } from './access-world.js';
import { executeRun } from '../../src/server/modules/billing/run-engine.js';
import { sandboxCallbackRequest } from '../../src/server/modules/billing/sandbox-acquirer.js';
import { addMonths } from '../../src/domain/billing/period.js';
import { businessToday } from '../../src/server/modules/billing/billing-common.js';

/** The period a run would bill today: the month before the current one. */
export const lastMonth = () => addMonths(businessToday().slice(0, 7), -1);

/** The text of a PDF, as poppler's pdftotext reads it (the layout a reader sees). */
export function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpdom-pdf-'));
  const file = path.join(dir, 'doc.pdf');

  fs.writeFileSync(file, bytes);

  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The demo owner's house, the organisation managing it and the owner's account there. */
export async function ownersBilling(world: AccessWorld) {
  const db = world.platform.ctx.db;
  const [row] = await db.query<{
    houseId: string;
    accountId: string;
    number: string;
    orgId: string;
  }>(
    `SELECT p.house_id AS "houseId", a.id AS "accountId", a.number, a.organisation_id AS "orgId"
       FROM personal_accounts a JOIN premises p ON p.id = a.premise_id
      WHERE a.premise_id = $1 AND a.closed_on IS NULL LIMIT 1`,
    [world.ownerFlat],
  );

  return row!;
}

/** Starts a run through the API and computes it here, as the worker would. */
export async function runAndClose(
  world: AccessWorld,
  staff: Session,
  orgId: string,
  houseId: string,
  period: string,
  close = true,
) {
  const as = requestAs(world.platform, staff);
  const started = await as('POST', `/api/v1/organisations/${orgId}/billing-runs`, {
    houseId,
    period,
  });

  if (started.statusCode !== 202) {
    throw new Error(`run refused: ${started.body}`);
  }

  const runId = started.json<{ id: string }>().id;

  await executeRun(world.platform.ctx, runId, 7);

  if (close) {
    const closed = await as('POST', `/api/v1/billing-runs/${runId}/close`);

    if (closed.statusCode !== 200) {
      throw new Error(`close refused: ${closed.body}`);
    }
  }

  return runId;
}

/** Plays the sandbox bank's callback into the platform, as its job would over HTTP. */
export async function deliverCallback(world: AccessWorld, sandboxId: string) {
  const request = await sandboxCallbackRequest(world.platform.ctx, sandboxId);

  return world.platform.app.inject({
    method: 'POST',
    url: new URL(request.url).pathname,
    headers: request.headers,
    payload: request.body,
  });
}

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { recordAudit, verifyAuditChain } from '../../src/server/platform/audit/audit.service.js';
import type { Database, Queryable } from '../../src/server/platform/db/database.js';
import { createTestDatabase } from '../support/database.js';
import { adminUrl } from '../support/template.js';

const DOC = path.resolve(import.meta.dirname, '../../docs/security/audit-journal.md');

/** The grant exactly as docs/security/audit-journal.md tells an administrator to run it. */
function documentedGrant(appRole: string): string {
  const text = fs.readFileSync(DOC, 'utf8');
  const block = /audit-grant:begin[^\n]*\n\s*```sql\n([\s\S]*?)```/.exec(text)?.[1];

  if (!block) {
    throw new Error('the grant block is missing from the document');
  }

  return block.replaceAll('mpdom_app', appRole);
}

// Roles and privileges are PostgreSQL's; the embedded database has one all-powerful user and
// relies on the triggers alone (covered by audit-journal.test.ts).
describe.skipIf(!adminUrl())('audit journal production grant', () => {
  let db: Database;
  const appRole = `mpdom_app_${randomBytes(4).toString('hex')}`;

  const asApp = <T>(work: (tx: Queryable) => Promise<T>) =>
    db.transaction(async (tx) => {
      await tx.query(`SET LOCAL ROLE ${appRole}`);

      return work(tx);
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.exec(`CREATE ROLE ${appRole} NOLOGIN`);
    await db.exec(documentedGrant(appRole));
  });

  afterAll(async () => {
    await db.exec(`DROP OWNED BY ${appRole}; DROP ROLE ${appRole}`);
    await db.close();
  });

  it('should let the application role append to and read the journal', async () => {
    await asApp((tx) =>
      recordAudit(tx, {
        actorUserId: null,
        action: 'grant.checked',
        objectType: 'x',
        objectId: '1',
      }),
    );

    const entries = await asApp((tx) => tx.query('SELECT seq FROM audit_entries'));

    expect(entries).toHaveLength(1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 1 });
  });

  it('should leave the application role exactly INSERT and SELECT on the journal', async () => {
    const grants = await db.query<{ privilege: string }>(
      `SELECT privilege_type AS privilege FROM information_schema.role_table_grants
       WHERE grantee = $1 AND table_name = 'audit_entries' ORDER BY 1`,
      [appRole],
    );

    expect(grants.map((g) => g.privilege)).toEqual(['INSERT', 'SELECT']);
  });

  it('should refuse the application role every way of changing the journal', async () => {
    const refusals: [string, RegExp][] = [
      [`UPDATE audit_entries SET action = 'forged'`, /permission denied/],
      ['DELETE FROM audit_entries', /permission denied/],
      ['TRUNCATE audit_entries', /permission denied/],
      ['ALTER TABLE audit_entries DISABLE TRIGGER ALL', /must be owner/],
      ['DROP TRIGGER audit_entries_no_update_delete ON audit_entries', /must be owner/],
      ['DELETE FROM audit_chain_head', /permission denied/],
      [`INSERT INTO audit_chain_head VALUES (2, 0, 'x')`, /permission denied/],
      [`UPDATE audit_chain_head SET last_seq = 0`, /only moves forward/],
    ];

    for (const [sql, message] of refusals) {
      await expect(
        asApp((tx) => tx.query(sql)),
        sql,
      ).rejects.toThrow(message);
    }

    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 1 });
  });
});

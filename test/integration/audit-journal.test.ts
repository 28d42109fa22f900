import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { recordAudit, verifyAuditChain } from '../../src/server/platform/audit/audit.service.js';
import type { Database, Queryable } from '../../src/server/platform/db/database.js';
import { createTestDatabase } from '../support/database.js';

const ACTOR = '0b7b5f0e-2f6c-4d8e-9a51-6c1c3f2e9a10';

async function appendMany(db: Database, count: number, action = 'thing.changed') {
  for (let n = 0; n < count; n += 1) {
    await db.transaction((tx) =>
      recordAudit(tx, {
        actorUserId: ACTOR,
        action,
        objectType: 'thing',
        objectId: String(n),
        before: { n },
        after: { n: n + 1 },
      }),
    );
  }
}

/** What an attacker holding the owner's rights can do: switch the guard off, write, switch on. */
async function asOwnerWithoutGuard(db: Database, sql: string, params: unknown[] = []) {
  await db.transaction(async (tx: Queryable) => {
    await tx.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_delete');
    await tx.query(sql, params);
    await tx.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_delete');
  });
}

async function count(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_entries');

  return row?.n ?? 0;
}

describe('audit journal', () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.close();
  });

  it('should verify an empty journal as ok with no entries', async () => {
    expect(await verifyAuditChain(db)).toEqual({
      ok: true,
      entries: 0,
      firstBrokenSeq: null,
      reason: null,
    });
  });

  it('should chain many entries and verify them across batches', async () => {
    // More than one verifier batch (1000), appended in a few large transactions for speed.
    for (let chunk = 0; chunk < 3; chunk += 1) {
      await db.transaction(async (tx) => {
        for (let n = 0; n < 350; n += 1) {
          await recordAudit(tx, {
            actorUserId: null,
            action: 'bulk.changed',
            objectType: 'thing',
            objectId: `${chunk}-${n}`,
            after: { n },
          });
        }
      });
    }

    const rows = await db.query<{ seq: number; prevHash: string; hash: string }>(
      'SELECT seq, prev_hash AS "prevHash", hash FROM audit_entries ORDER BY seq LIMIT 3',
    );

    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]?.prevHash).toBe('0'.repeat(64));
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: 1050 });
  }, 90_000);

  it('should leave no entry, and no gap, when the change it journals is rolled back', async () => {
    const before = await count(db);

    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, {
          actorUserId: ACTOR,
          action: 'x.y',
          objectType: 'x',
          objectId: '1',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    await appendMany(db, 1);

    expect(await count(db)).toBe(before + 1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: before + 1 });
  });

  it('should keep one unbroken chain under 20 concurrent transactions', async () => {
    const before = await count(db);

    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        db.transaction(async (tx) => {
          await tx.query('SELECT 1');
          await recordAudit(tx, {
            actorUserId: ACTOR,
            action: 'race.changed',
            objectType: 'race',
            objectId: String(n),
            after: { n },
          });
        }),
      ),
    );
    // Given the database itself, recordAudit opens its own transaction and still serialises.
    await Promise.all(
      Array.from({ length: 5 }, (_, n) =>
        recordAudit(db, {
          actorUserId: null,
          action: 'race.direct',
          objectType: 'race',
          objectId: `d${n}`,
        }),
      ),
    );

    const [distinct] = await db.query<{ n: number }>(
      'SELECT count(DISTINCT prev_hash)::int AS n FROM audit_entries',
    );

    expect(await count(db)).toBe(before + 25);
    expect(distinct?.n).toBe(before + 25);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, entries: before + 25 });
  });

  it('should store digests of the full values but never a passport or phone value', async () => {
    const before = {
      surname: 'Петрова',
      phone: '+79001234567',
      passport: '4509 123456',
      level: 'basic',
    };
    const after = { ...before, phone: '+79007654321', passport: '4510 654321', level: 'standard' };

    await recordAudit(db, {
      actorUserId: ACTOR,
      action: 'person.documents_changed',
      objectType: 'person',
      objectId: 'p-1',
      before,
      after,
      personalDataAccess: true,
    });

    const [row] = await db.query<Record<string, unknown>>(
      `SELECT * FROM audit_entries WHERE action = 'person.documents_changed'`,
    );
    const stored = JSON.stringify(row);

    for (const secret of ['9001234567', '9007654321', '123456', '654321', 'Петрова']) {
      expect(stored).not.toContain(secret);
    }

    expect(row?.before_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.after_digest).not.toBe(row?.before_digest);
    expect(row?.personal_data_access).toBe(true);
    expect(row?.redacted_changes).toEqual([
      { field: 'level', before: 'basic', after: 'standard' },
      { field: 'passport', redacted: true },
      { field: 'phone', redacted: true },
    ]);
  });

  it('should refuse UPDATE, DELETE and TRUNCATE through the application connection', async () => {
    const before = await count(db);

    await expect(
      db.query(`UPDATE audit_entries SET action = 'forged' WHERE seq = 1`),
    ).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_entries WHERE seq = 2')).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('TRUNCATE audit_entries')).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_chain_head')).rejects.toThrow(/append-only/);
    await expect(
      db.query(`UPDATE audit_chain_head SET last_seq = 1, last_hash = 'x' WHERE id = 1`),
    ).rejects.toThrow(/only moves forward/);

    expect(await count(db)).toBe(before);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('should name an entry altered directly in SQL with the guard switched off', async () => {
    await asOwnerWithoutGuard(db, `UPDATE audit_entries SET object_id = 'forged' WHERE seq = 700`);

    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      entries: 699,
      firstBrokenSeq: 700,
      reason: expect.stringMatching(/hash does not match/),
    });
  });
});

describe('audit journal with a deleted entry', () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestDatabase();
    await appendMany(db, 12);
  });

  afterAll(async () => {
    await db.close();
  });

  it('should report the gap where an entry was deleted', async () => {
    await asOwnerWithoutGuard(db, 'DELETE FROM audit_entries WHERE seq = 5');

    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      entries: 4,
      firstBrokenSeq: 6,
      reason: expect.stringMatching(/gap in seq: entries 5–5 are missing/),
    });
  });

  it('should report entries cut off the end of the chain', async () => {
    const other = await createTestDatabase();

    try {
      await appendMany(other, 6);
      await asOwnerWithoutGuard(other, 'DELETE FROM audit_entries WHERE seq >= 5');

      expect(await verifyAuditChain(other)).toMatchObject({
        ok: false,
        entries: 4,
        firstBrokenSeq: 5,
        reason: expect.stringMatching(/missing at the end/),
      });
    } finally {
      await other.close();
    }
  });
});

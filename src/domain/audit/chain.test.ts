import { describe, expect, it } from 'vitest';

import { auditScope, mayVerifyChain } from './access.js';
import { ChainVerifier, GENESIS_HASH, hashEntry, verifyChain, type ChainedEntry } from './chain.js';

function buildChain(length: number): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  let prevHash = GENESIS_HASH;

  for (let seq = 1; seq <= length; seq += 1) {
    const fields = {
      seq,
      id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      at: new Date(Date.UTC(2026, 11, 3, 12, 0, seq)),
      actorUserId: null,
      onBehalfOfPersonId: null,
      action: 'thing.changed',
      objectType: 'thing',
      objectId: String(seq),
      requestId: null,
      beforeDigest: null,
      afterDigest: null,
      redactedChanges: [{ field: 'n', before: seq - 1, after: seq }],
      personalDataAccess: false,
      prevHash,
    };
    const hash = hashEntry(fields);

    entries.push({ ...fields, hash });
    prevHash = hash;
  }

  return entries;
}

describe('hash chain', () => {
  it('should verify an untouched chain', () => {
    expect(verifyChain(buildChain(50))).toEqual({ ok: true, break: null });
    expect(verifyChain([])).toEqual({ ok: true, break: null });
  });

  it('should name an entry whose content was changed', () => {
    const chain = buildChain(10);

    chain[6] = { ...chain[6]!, action: 'thing.deleted' };

    expect(verifyChain(chain).break).toMatchObject({ seq: 7, reason: 'hash_mismatch' });
  });

  it('should name an entry that was changed and re-hashed: the next link no longer fits', () => {
    const chain = buildChain(10);
    const forged = { ...chain[3]!, objectId: 'forged' };

    forged.hash = hashEntry(forged);
    chain[3] = forged;

    expect(verifyChain(chain).break).toMatchObject({ seq: 5, reason: 'prev_hash_mismatch' });
  });

  it('should report a gap where an entry was removed, and a chain that does not start at 1', () => {
    const chain = buildChain(10);

    expect(verifyChain([...chain.slice(0, 4), ...chain.slice(5)]).break).toMatchObject({
      seq: 6,
      reason: 'seq_gap',
    });
    expect(verifyChain(chain.slice(1)).break).toMatchObject({ seq: 2, reason: 'seq_gap' });
  });

  it('should ignore properties that are not chained fields, such as a joined actor name', () => {
    const [first] = buildChain(1);

    expect(hashEntry({ ...first!, actorName: 'Иванов' } as ChainedEntry)).toBe(first!.hash);
  });

  it('should depend on the time to the millisecond', () => {
    const [first] = buildChain(1);
    const { hash, ...fields } = first!;

    expect(hashEntry({ ...fields, at: new Date(fields.at.getTime() + 1) })).not.toBe(hash);
  });

  it('should compare the end of the chain with the head', () => {
    const chain = buildChain(5);
    const verifier = new ChainVerifier();

    chain.slice(0, 4).forEach((entry) => expect(verifier.check(entry)).toBeNull());

    expect(verifier.checkHead({ seq: 4, hash: chain[3]!.hash })).toBeNull();
    expect(verifier.checkHead({ seq: 5, hash: chain[4]!.hash })).toMatchObject({
      seq: 5,
      reason: 'seq_gap',
    });
    expect(verifier.checkHead({ seq: 4, hash: GENESIS_HASH })).toMatchObject({
      reason: 'head_mismatch',
    });
  });
});

describe('auditScope', () => {
  const user = (platformRole: string, roles: { role: string; organisationId: string }[] = []) => ({
    platformRole,
    roles,
  });

  it('should give admins and inspectors everything, org admins their staff, others nothing', () => {
    expect(auditScope(user('platform_admin'))).toEqual({ kind: 'all' });
    expect(auditScope(user('citizen', [{ role: 'inspector', organisationId: 'i' }]))).toEqual({
      kind: 'all',
    });
    expect(
      auditScope(
        user('citizen', [
          { role: 'organisation_admin', organisationId: 'o1' },
          { role: 'dispatcher', organisationId: 'o2' },
        ]),
      ),
    ).toEqual({ kind: 'organisations', organisationIds: ['o1'] });
    expect(auditScope(user('identity_operator'))).toEqual({ kind: 'none' });
    expect(auditScope(user('citizen'))).toEqual({ kind: 'none' });
    expect(auditScope(null)).toEqual({ kind: 'none' });
  });

  it('should let only full readers verify the chain', () => {
    expect(mayVerifyChain(user('platform_admin'))).toBe(true);
    expect(
      mayVerifyChain(user('citizen', [{ role: 'organisation_admin', organisationId: 'o' }])),
    ).toBe(false);
  });
});

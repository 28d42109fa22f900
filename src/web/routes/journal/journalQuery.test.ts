import { describe, expect, it } from 'vitest';

import { toAuditQuery, type JournalFilters } from './journalQuery.js';

const NONE: JournalFilters = {
  action: '',
  objectType: '',
  objectId: '',
  actorUserId: '',
  from: '',
  to: '',
};

describe('toAuditQuery', () => {
  it('sends only the filters that are filled in, trimmed', () => {
    expect(toAuditQuery({ ...NONE, action: ' user.registered ' }, 2, 50)).toEqual({
      query: { page: 2, limit: 50, action: 'user.registered' },
      invalid: [],
    });
  });

  it('turns local datetime fields into ISO instants', () => {
    const { query, invalid } = toAuditQuery(
      { ...NONE, from: '2026-12-01T00:00', to: '2026-12-03T23:59' },
      1,
      20,
    );

    expect(invalid).toEqual([]);
    expect(query.from).toBe(new Date('2026-12-01T00:00').toISOString());
    expect(query.to).toBe(new Date('2026-12-03T23:59').toISOString());
  });

  it('reports an actor that is not a UUID and a period that ends before it starts', () => {
    const result = toAuditQuery(
      { ...NONE, actorUserId: "1' OR '1'='1", from: '2026-12-03T10:00', to: '2026-12-01T10:00' },
      1,
      20,
    );

    expect(result.invalid).toEqual(['actorUserId', 'to']);
    expect(result.query.actorUserId).toBeUndefined();
  });

  it('reports an unreadable date instead of sending it', () => {
    expect(toAuditQuery({ ...NONE, from: 'вчера' }, 1, 20).invalid).toEqual(['from']);
  });
});

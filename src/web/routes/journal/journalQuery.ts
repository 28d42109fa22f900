import type { AuditQuery } from '../../api/audit.js';

export const FILTERS = ['action', 'objectType', 'objectId', 'actorUserId', 'from', 'to'] as const;

export type JournalFilter = (typeof FILTERS)[number];

export type JournalFilters = Record<JournalFilter, string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The URL's filters as the API's query. `from`/`to` come from datetime-local fields (the
 * visitor's local time) and go out as ISO instants; an unreadable value or an actor that is not
 * a UUID is reported instead of being sent, so the API is never asked something it must refuse.
 */
export function toAuditQuery(
  filters: JournalFilters,
  page: number,
  limit: number,
): { query: AuditQuery; invalid: JournalFilter[] } {
  const invalid: JournalFilter[] = [];
  const query: AuditQuery = { page, limit };

  for (const key of ['action', 'objectType', 'objectId'] as const) {
    const value = filters[key].trim();

    if (value) {
      query[key] = value;
    }
  }

  const actor = filters.actorUserId.trim();

  if (actor) {
    if (UUID.test(actor)) {
      query.actorUserId = actor;
    } else {
      invalid.push('actorUserId');
    }
  }

  for (const key of ['from', 'to'] as const) {
    const value = filters[key].trim();

    if (!value) {
      continue;
    }

    const date = new Date(value);

    if (Number.isNaN(date.getTime())) {
      invalid.push(key);
    } else {
      query[key] = date.toISOString();
    }
  }

  if (query.from && query.to && query.from > query.to) {
    invalid.push('to');
  }

  return { query, invalid };
}

import { median } from '../../../domain/service-requests/intake.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../access/authorize.js';
import type { Acting } from './request-access.js';

/**
 * Requests of an organisation over the last months, for its own staff and for inspectors: by
 * category and house, median time to the first answer and to completion, the share completed
 * within every deadline, and the monthly trend.
 */
export async function requestAnalytics(
  ctx: AppContext,
  acting: Acting,
  orgId: string,
  months: number,
) {
  await authorize(ctx, acting.user, 'service_request.analytics', { organisationId: orgId });

  const [organisation] = await ctx.db.query<{ id: string; name: string }>(
    'SELECT id, name FROM organisations WHERE id = $1',
    [orgId],
  );

  if (!organisation) {
    throw new AppError('not_found');
  }

  const since = `date_trunc('month', now()) - ($2::int - 1) * interval '1 month'`;
  const rows = await ctx.db.query<{
    category: string;
    houseId: string;
    address: string;
    month: string;
    status: string;
    responseMs: number | null;
    completionMs: number | null;
    inTime: boolean | null;
    rating: number | null;
  }>(
    `SELECT r.category, r.house_id AS "houseId", h.address,
            to_char(r.created_at, 'YYYY-MM') AS month, r.status,
            (extract(epoch FROM r.first_response_at - r.created_at) * 1000)::float8 AS "responseMs",
            (extract(epoch FROM r.completed_at - r.created_at) * 1000)::float8 AS "completionMs",
            CASE WHEN r.status = 'done' THEN NOT EXISTS (
              SELECT 1 FROM service_request_deadlines d WHERE d.request_id = r.id
                AND (d.met_at IS NULL OR d.met_at > d.due_at)) END AS "inTime",
            r.rating
     FROM service_requests r JOIN houses h ON h.id = r.house_id
     WHERE r.organisation_id = $1 AND r.created_at >= ${since}`,
    [orgId, months],
  );

  const count = <K extends string>(key: (r: (typeof rows)[number]) => K) => {
    const map = new Map<K, number>();

    rows.forEach((r) => map.set(key(r), (map.get(key(r)) ?? 0) + 1));

    return map;
  };
  const done = rows.filter((r) => r.status === 'done');
  const responses = rows.flatMap((r) => (r.responseMs === null ? [] : [r.responseMs]));
  const completions = done.flatMap((r) => (r.completionMs === null ? [] : [r.completionMs]));
  const ratings = rows.flatMap((r) => (r.rating === null ? [] : [r.rating]));
  const addresses = new Map(rows.map((r) => [r.houseId, r.address]));
  const medianResponse = median(responses);
  const medianCompletion = median(completions);

  return {
    organisation,
    total: rows.length,
    byCategory: [...count((r) => r.category)]
      .map(([category, n]) => ({ category, count: n }))
      .sort((a, b) => b.count - a.count),
    byHouse: [...count((r) => r.houseId)]
      .map(([houseId, n]) => ({ houseId, address: addresses.get(houseId) ?? '', count: n }))
      .sort((a, b) => b.count - a.count),
    medianFirstResponseMinutes:
      medianResponse === null ? null : Math.round(medianResponse / 6_000) / 10,
    medianCompletionHours:
      medianCompletion === null ? null : Math.round(medianCompletion / 360_000) / 10,
    completedInTimeShare:
      done.length === 0 ? null : done.filter((r) => r.inTime).length / done.length,
    averageRating:
      ratings.length === 0
        ? null
        : Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10,
    byMonth: monthsBack(months).map((month) => {
      const of = rows.filter((r) => r.month === month);

      return {
        month,
        filed: of.length,
        completed: of.filter((r) => r.status === 'done').length,
        completedInTime: of.filter((r) => r.inTime).length,
      };
    }),
  };
}

function monthsBack(months: number): string[] {
  const now = new Date();
  const list: string[] = [];

  for (let i = months - 1; i >= 0; i -= 1) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));

    list.push(d.toISOString().slice(0, 7));
  }

  return list;
}

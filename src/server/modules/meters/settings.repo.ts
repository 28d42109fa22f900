import { DEFAULT_SETTINGS, type MeterSettings } from '../../../domain/meters/settings.js';
import type { Queryable } from '../../platform/db/database.js';

export type StoredSettings = MeterSettings & { norms: Record<string, string> };

/** The organisation's settings, or the rules' defaults when it has none (or no organisation). */
export async function findSettings(
  db: Queryable,
  organisationId: string | null,
): Promise<StoredSettings> {
  const rows = organisationId
    ? await db.query<StoredSettings>(
        `SELECT window_start_day AS "startDay", window_end_day AS "endDay",
           late_policy AS "latePolicy", decrease_policy AS "decreasePolicy",
           jump_factor AS "jumpFactor", imbalance_tolerance_percent AS "imbalanceTolerancePercent",
           norms
         FROM meter_settings WHERE organisation_id = $1`,
        [organisationId],
      )
    : [];

  return rows[0] ?? { ...DEFAULT_SETTINGS, norms: {} };
}

export async function saveSettings(
  tx: Queryable,
  organisationId: string,
  s: StoredSettings,
): Promise<void> {
  await tx.query(
    `INSERT INTO meter_settings (organisation_id, window_start_day, window_end_day, late_policy,
       decrease_policy, jump_factor, imbalance_tolerance_percent, norms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (organisation_id) DO UPDATE SET window_start_day = EXCLUDED.window_start_day,
       window_end_day = EXCLUDED.window_end_day, late_policy = EXCLUDED.late_policy,
       decrease_policy = EXCLUDED.decrease_policy, jump_factor = EXCLUDED.jump_factor,
       imbalance_tolerance_percent = EXCLUDED.imbalance_tolerance_percent,
       norms = EXCLUDED.norms, updated_at = now()`,
    [
      organisationId,
      s.startDay,
      s.endDay,
      s.latePolicy,
      s.decreasePolicy,
      s.jumpFactor,
      s.imbalanceTolerancePercent,
      JSON.stringify(s.norms),
    ],
  );
}

import { parseTermOverride } from '../../../domain/service-requests/deadlines.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../access/authorize.js';
import type { Acting } from './request-access.js';

export async function getSettings(ctx: AppContext, acting: Acting, orgId: string) {
  await authorize(ctx, acting.user, 'service_request.configure', { organisationId: orgId });

  const [row] = await ctx.db.query<{ repairTerm: string | null; escalationUserId: string | null }>(
    `SELECT repair_term AS "repairTerm", escalation_user_id AS "escalationUserId"
     FROM service_request_settings WHERE organisation_id = $1`,
    [orgId],
  );

  return row ?? { repairTerm: null, escalationUserId: null };
}

/**
 * The organisation's repair term (C21: at most P45D, so P60D is refused) and its head of
 * dispatch, who must be a member of the organisation.
 */
export async function saveSettings(
  ctx: AppContext,
  acting: Acting,
  orgId: string,
  input: { repairTerm: string | null; escalationUserId: string | null },
) {
  await authorize(ctx, acting.user, 'service_request.configure', { organisationId: orgId });

  if (input.repairTerm) {
    const parsed = parseTermOverride(input.repairTerm);

    if (!parsed.ok) {
      throw new AppError('service_request_term_invalid', {
        errors: [{ field: 'repairTerm', rule: parsed.reason, message: `max P45D` }],
      });
    }
  }

  if (input.escalationUserId) {
    const [member] = await ctx.db.query(
      'SELECT 1 FROM memberships WHERE user_id = $1 AND organisation_id = $2',
      [input.escalationUserId, orgId],
    );

    if (!member) {
      throw new AppError('validation_failed', {
        errors: [{ field: 'escalationUserId', rule: 'member', message: 'not an employee' }],
      });
    }
  }

  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO service_request_settings (organisation_id, repair_term, escalation_user_id)
       VALUES ($1, $2, $3) ON CONFLICT (organisation_id) DO UPDATE
       SET repair_term = EXCLUDED.repair_term, escalation_user_id = EXCLUDED.escalation_user_id,
           updated_at = now()`,
      [orgId, input.repairTerm, input.escalationUserId],
    );
    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      action: 'service_request.settings_saved',
      objectType: 'organisation',
      objectId: orgId,
      requestId: acting.requestId,
      after: input,
    });
  });

  return input;
}

/** Lifts the daily limit of identical requests for one person until a date (C24). */
export async function liftDailyLimit(
  ctx: AppContext,
  acting: Acting,
  orgId: string,
  input: { personId: string; until: string },
) {
  await authorize(ctx, acting.user, 'service_request.configure', { organisationId: orgId });

  const [person] = await ctx.db.query('SELECT 1 FROM persons WHERE id = $1', [input.personId]);

  if (!person) {
    throw new AppError('not_found');
  }

  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO service_request_limit_waivers (organisation_id, person_id, until, granted_by)
       VALUES ($1, $2, $3, $4) ON CONFLICT (organisation_id, person_id)
       DO UPDATE SET until = EXCLUDED.until, granted_by = EXCLUDED.granted_by`,
      [orgId, input.personId, input.until, acting.user!.id],
    );
    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      action: 'service_request.limit_lifted',
      objectType: 'person',
      objectId: input.personId,
      requestId: acting.requestId,
      after: { organisationId: orgId, until: input.until },
    });
  });

  return input;
}

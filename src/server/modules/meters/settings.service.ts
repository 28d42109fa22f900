import { formatDecimal, parseDecimal } from '../../../domain/meters/decimal.js';
import { checkSettings } from '../../../domain/meters/settings.js';
import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { AppError } from '../../platform/errors.js';
import { actor, type Acting } from '../house-register/acting.js';
import { authorize } from '../access/authorize.js';
import type { z } from 'zod';
import type { SettingsBodySchema } from './meters.schema.js';
import { findSettings, saveSettings, type StoredSettings } from './settings.repo.js';

export function presentSettings(s: StoredSettings) {
  return {
    windowStartDay: s.startDay,
    windowEndDay: s.endDay,
    latePolicy: s.latePolicy,
    decreasePolicy: s.decreasePolicy,
    jumpFactor: s.jumpFactor,
    imbalanceTolerancePercent: s.imbalanceTolerancePercent,
    norms: s.norms,
  };
}

export async function getSettings(ctx: AppContext, acting: Acting, organisationId: string) {
  await authorize(ctx, acting.user, 'meters.read_org', { organisationId });

  return presentSettings(await findSettings(ctx.db, organisationId));
}

/** The organisation admin's change of the window, the policies and the norms (case C13 d). */
export async function putSettings(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  body: z.infer<typeof SettingsBodySchema>,
) {
  await authorize(ctx, acting.user, 'meters.settings', { organisationId });

  const norms: Record<string, string> = {};

  for (const [resource, text] of Object.entries(body.norms)) {
    const parsed = parseDecimal(text);

    if (!parsed.ok) {
      throw new AppError('validation_failed', {
        errors: [{ field: `norms.${resource}`, rule: parsed.code, message: 'not a decimal' }],
      });
    }

    norms[resource] = formatDecimal(parsed.value, 0);
  }

  const next: StoredSettings = {
    startDay: body.windowStartDay,
    endDay: body.windowEndDay,
    latePolicy: body.latePolicy,
    decreasePolicy: body.decreasePolicy,
    jumpFactor: body.jumpFactor,
    imbalanceTolerancePercent: body.imbalanceTolerancePercent,
    norms,
  };
  const problem = checkSettings(next);

  if (problem) {
    throw new AppError('meter_settings_invalid', SETTINGS_REFUSALS[problem]);
  }

  await ctx.db.transaction(async (tx) => {
    const before = await findSettings(tx, organisationId);

    await saveSettings(tx, organisationId, next);
    await recordAudit(tx, {
      actorUserId: actor(acting).id,
      action: 'meter_settings.updated',
      objectType: 'organisation',
      objectId: organisationId,
      requestId: acting.requestId,
      before,
      after: next,
    });
  });

  return presentSettings(next);
}

/** What each settings problem means, said for the field that has it. */
const SETTINGS_REFUSALS: Record<
  NonNullable<ReturnType<typeof checkSettings>>,
  NonNullable<ConstructorParameters<typeof AppError>[1]>
> = {
  jump_factor_out_of_range: {
    detail: {
      ru: 'Порог скачка — от 2 до 100 средних расходов',
      en: 'The jump threshold is 2 to 100 times the average',
    },
    errors: [{ field: 'body.jumpFactor', rule: 'range', message: 'from 2 to 100' }],
  },
  window_day_out_of_range: {
    errors: [{ field: 'body.windowStartDay', rule: 'range', message: 'days from 1 to 31' }],
  },
  window_start_after_end: {
    errors: [
      { field: 'body.windowStartDay', rule: 'order', message: 'no later than the window end' },
    ],
  },
};

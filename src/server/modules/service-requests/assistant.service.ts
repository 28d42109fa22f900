import { checkScript, type AssistantScript } from '../../../domain/service-requests/assistant.js';
import type { Category } from '../../../domain/service-requests/categories.js';
import { CATEGORIES } from '../../../domain/service-requests/categories.js';
import { DEFAULT_SCRIPTS } from '../../../domain/service-requests/default-scripts.js';
import { EMERGENCY_INSTRUCTIONS } from '../../../domain/service-requests/emergency.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../access/authorize.js';
import type { Acting } from './request-access.js';
import { findHouse } from './service-requests.repo.js';
import type { ScriptBody } from './service-requests.schema.js';

/** The organisation's dialogue for the category, or the platform's default one. */
export async function scriptFor(
  db: Queryable,
  organisationId: string | null,
  category: Category,
): Promise<{ script: AssistantScript; custom: boolean }> {
  if (organisationId) {
    const [row] = await db.query<{ script: AssistantScript }>(
      'SELECT script FROM service_request_scripts WHERE organisation_id = $1 AND category = $2',
      [organisationId, category],
    );

    if (row) {
      return { script: { ...row.script, category }, custom: true };
    }
  }

  return { script: DEFAULT_SCRIPTS[category], custom: false };
}

function present(script: AssistantScript, custom: boolean) {
  return {
    category: script.category,
    intro: script.intro,
    questions: script.questions,
    custom,
    emergencyInstructions: EMERGENCY_INSTRUCTIONS,
  };
}

/** The dialogue a resident walks through before filing a request about the house. */
export async function getAssistantForHouse(
  ctx: AppContext,
  acting: Acting,
  category: Category,
  houseId: string,
) {
  await authorize(ctx, acting.user, 'service_request.file');

  const house = await findHouse(ctx.db, houseId);

  if (!house) {
    throw new AppError('not_found', { detail: { ru: 'Дом не найден', en: 'No such house' } });
  }

  const { script, custom } = await scriptFor(ctx.db, house.managingOrganisationId, category);

  return present(script, custom);
}

export async function listOrganisationScripts(ctx: AppContext, acting: Acting, orgId: string) {
  await authorize(ctx, acting.user, 'service_request.configure', { organisationId: orgId });

  const scripts = [];

  for (const category of CATEGORIES) {
    const { script, custom } = await scriptFor(ctx.db, orgId, category);

    scripts.push(present(script, custom));
  }

  return scripts;
}

/** Saves the organisation's dialogue after checking its structure; nothing is saved on error. */
export async function saveOrganisationScript(
  ctx: AppContext,
  acting: Acting,
  orgId: string,
  category: Category,
  body: ScriptBody,
) {
  await authorize(ctx, acting.user, 'service_request.configure', { organisationId: orgId });

  const script: AssistantScript = { category, intro: body.intro, questions: body.questions };
  const problems = checkScript(script);

  if (problems.length > 0) {
    throw new AppError('assistant_script_invalid', {
      errors: problems.map((message) => ({ field: 'questions', rule: 'structure', message })),
    });
  }

  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO service_request_scripts (organisation_id, category, script, updated_by)
       VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (organisation_id, category)
       DO UPDATE SET script = EXCLUDED.script, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [orgId, category, JSON.stringify(script), acting.user!.id],
    );
    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      action: 'service_request.script_saved',
      objectType: 'organisation',
      objectId: orgId,
      requestId: acting.requestId,
      after: { category, questions: script.questions.length },
    });
  });

  return present(script, true);
}

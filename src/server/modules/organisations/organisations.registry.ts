import { randomUUID } from 'node:crypto';

import {
  cleanOrganisationName,
  normaliseOrganisationName,
  organisationKindOf,
} from '../../../domain/organisations/organisation-name.js';
import type { Queryable } from '../../platform/db/database.js';

/** A managing organisation as a registry row names it. */
export type OrganisationRef = { name: string; portalLink: string | null };

type Known = { id: string; name: string; normalizedName: string; portalLink: string | null };

/**
 * Finds or creates the organisations that registry rows name, remembering them for the rest of
 * the import. The portal's profile link is the organisation's identity when the row has one:
 * six different ТСЖ «Наш дом» exist in the Ekaterinburg extract alone. Without a link the
 * normalised name is all there is, so name variants («ООО "УК "Дом"», «ООО УК «ДОМ»») meet.
 */
export class OrganisationResolver {
  created = 0;
  updated = 0;
  private readonly ids = new Map<string, string>();

  static keyOf(ref: OrganisationRef): string {
    return ref.portalLink
      ? `link:${ref.portalLink}`
      : `name:${normaliseOrganisationName(ref.name)}`;
  }

  /**
   * Resolves every ref to an organisation id inside `tx`. Returns the ids plus a commit function:
   * what was learnt is remembered only after the caller's transaction has committed, so a
   * rolled-back batch never leaves ids of organisations that do not exist.
   */
  async resolve(
    tx: Queryable,
    refs: OrganisationRef[],
  ): Promise<{ idOf: (ref: OrganisationRef) => string; commit: () => void }> {
    const learnt = new Map<string, string>();
    const unknown = new Map<string, OrganisationRef>();
    let created = 0;
    let updated = 0;

    for (const ref of refs) {
      const key = OrganisationResolver.keyOf(ref);

      if (!this.ids.has(key)) {
        unknown.set(key, ref);
      }
    }

    if (unknown.size > 0) {
      const wanted = [...unknown.values()];
      const rows = await tx.query<Known>(
        `SELECT id, name, normalized_name AS "normalizedName", portal_link AS "portalLink"
           FROM organisations
          WHERE NOT is_demo
            AND (portal_link IN (SELECT jsonb_array_elements_text($1::jsonb))
                 OR normalized_name IN (SELECT jsonb_array_elements_text($2::jsonb)))`,
        [
          JSON.stringify(wanted.flatMap((ref) => (ref.portalLink ? [ref.portalLink] : []))),
          JSON.stringify(wanted.map((ref) => normaliseOrganisationName(ref.name))),
        ],
      );
      const plan = planOrganisations(rows, unknown);

      await insertOrganisations(tx, plan.inserts);

      for (const change of plan.changes) {
        await tx.query(
          `UPDATE organisations
              SET name = $2, normalized_name = $3, portal_link = $4, updated_at = now()
            WHERE id = $1`,
          [change.id, change.name, change.normalizedName, change.portalLink],
        );
      }

      plan.ids.forEach((id, key) => learnt.set(key, id));
      created = plan.inserts.length;
      updated = plan.changes.length;
    }

    return {
      idOf: (ref) => {
        const key = OrganisationResolver.keyOf(ref);
        const id = this.ids.get(key) ?? learnt.get(key);

        if (!id) {
          throw new Error(`organisation ${key} was not resolved`);
        }

        return id;
      },
      commit: () => {
        learnt.forEach((id, key) => this.ids.set(key, id));
        this.created += created;
        this.updated += updated;
      },
    };
  }
}

type Plan = { ids: Map<string, string>; inserts: Known[]; changes: Known[] };

function planOrganisations(rows: Known[], wanted: Map<string, OrganisationRef>): Plan {
  const byLink = new Map<string, Known>();
  const byName = new Map<string, Known[]>();
  const plan: Plan = { ids: new Map(), inserts: [], changes: [] };
  const remember = (row: Known) => {
    if (row.portalLink) {
      byLink.set(row.portalLink, row);
    }

    byName.set(row.normalizedName, [...(byName.get(row.normalizedName) ?? []), row]);
  };

  rows.forEach(remember);

  for (const [key, ref] of wanted) {
    const name = cleanOrganisationName(ref.name);
    const normalizedName = normaliseOrganisationName(ref.name);
    const namesakes = byName.get(normalizedName) ?? [];
    const unlinked = namesakes.find((row) => row.portalLink === null);
    let row: Known | undefined;

    if (ref.portalLink) {
      row = byLink.get(ref.portalLink);

      if (row && row.name !== name) {
        // A newer extract renamed the organisation the portal knows by this link.
        plan.changes.push(Object.assign(row, { name, normalizedName }));
      } else if (!row && unlinked) {
        // Known so far by name only (an extract without links): now it has its identity.
        row = Object.assign(unlinked, { portalLink: ref.portalLink });
        plan.changes.push(row);
        byLink.set(ref.portalLink, row);
      }
    } else {
      // Without a link, a single namesake is taken to be the same organisation; among several
      // it cannot be told which, so the name-only one is used or created.
      row = unlinked ?? (namesakes.length === 1 ? namesakes[0] : undefined);
    }

    if (!row) {
      row = { id: randomUUID(), name, normalizedName, portalLink: ref.portalLink };
      plan.inserts.push(row);
      remember(row);
    }

    plan.ids.set(key, row.id);
  }

  return plan;
}

async function insertOrganisations(tx: Queryable, rows: Known[]) {
  if (rows.length === 0) {
    return;
  }

  await tx.query(
    `INSERT INTO organisations (id, kind, name, normalized_name, portal_link)
     SELECT id, kind, name, normalized_name, portal_link
       FROM jsonb_to_recordset($1::jsonb)
         AS r(id uuid, kind text, name text, normalized_name text, portal_link text)`,
    [
      JSON.stringify(
        rows.map((row) => ({
          id: row.id,
          kind: organisationKindOf(row.name),
          name: row.name,
          normalized_name: row.normalizedName,
          portal_link: row.portalLink,
        })),
      ),
    ],
  );
}

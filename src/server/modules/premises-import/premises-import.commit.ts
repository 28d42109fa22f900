import { randomInt } from 'node:crypto';

import { accountRegionCode } from '../../../domain/accounts/account-region.js';
import { issueSingleAccountNumber } from '../../../domain/accounts/single-account-number.js';
import { normaliseOrganisationName } from '../../../domain/organisations/organisation-name.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { findCadastralNumbers } from '../house-register/personal-accounts.repo.js';
import type { OwnerRef, Plan, Ref } from './premises-import.plan.js';
import { findTakenAccountNumbers } from './premises-import.repo.js';

/**
 * Writes a plan inside the caller's transaction, in the order the references need: entrances and
 * premises, then owners, then rights, then accounts. Returns the ЕЛС of each new account by the
 * file line that asked for it, so the report shows the numbers issued.
 */

const secureRandom = () => randomInt(0, 2 ** 48 - 1) / 2 ** 48;

// Owners a file brings in are not management companies: a company owning a shop is «other».
const ORGANISATION_KIND = { company: 'other', municipality: 'authority' } as const;

export type CommitResult = { accountNumbers: Map<number, string> };

export async function writePlan(
  tx: Queryable,
  plan: Plan,
  organisationId: string,
): Promise<CommitResult> {
  const ids = new Map<string, string>();
  const resolve = (ref: Ref) => ('id' in ref ? ref.id : ids.get(ref.key)!);
  const owner = (ref: OwnerRef) => resolve(ref.ref);

  for (const entrance of plan.entrances) {
    await tx.query(
      `INSERT INTO entrances (house_id, number) VALUES ($1, $2)
       ON CONFLICT ON CONSTRAINT entrances_house_number_key DO NOTHING`,
      [entrance.houseId, entrance.number],
    );
  }

  for (const p of plan.premises) {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO premises (house_id, kind, number, entrance, floor, area_total, area_living,
         cadastral_number)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        p.houseId,
        p.kind,
        p.number,
        p.entrance,
        p.floor,
        p.areaTotal,
        p.areaLiving,
        p.cadastralNumber,
      ],
    );

    ids.set(p.key, row!.id);
  }

  for (const p of plan.premiseUpdates) {
    await tx.query(
      `UPDATE premises SET entrance = $2, floor = $3, area_total = $4, area_living = $5,
         cadastral_number = $6 WHERE id = $1`,
      [p.id, p.entrance, p.floor, p.areaTotal, p.areaLiving, p.cadastralNumber],
    );
  }

  for (const person of plan.persons) {
    const [row] = await tx.query<{ id: string }>(
      'INSERT INTO persons (surname, name, patronymic) VALUES ($1, $2, $3) RETURNING id',
      [person.surname, person.name, person.patronymic],
    );

    ids.set(person.key, row!.id);
  }

  for (const org of plan.organisations) {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO organisations (kind, name, normalized_name, inn)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [ORGANISATION_KIND[org.kind], org.name, normaliseOrganisationName(org.name), org.inn],
    );

    ids.set(org.key, row!.id);
  }

  for (const o of plan.ownerships) {
    const person = o.owner.kind === 'person';

    await tx.query(
      `INSERT INTO ownerships (premise_id, person_id, organisation_id, share_numerator,
         share_denominator, title_document, right_number, right_registered_on, started_on, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, 'import')`,
      [
        resolve(o.premise),
        person ? owner(o.owner) : null,
        person ? null : owner(o.owner),
        o.share.numerator,
        o.share.denominator,
        o.titleDocument,
        o.rightNumber,
        o.rightDate,
      ],
    );
  }

  for (const o of plan.ownershipUpdates) {
    await tx.query(
      `UPDATE ownerships SET title_document = $2, right_number = $3, right_registered_on = $4
       WHERE id = $1`,
      [o.id, o.titleDocument, o.rightNumber, o.rightDate],
    );
  }

  const accountNumbers = new Map<number, string>();

  for (const account of plan.accounts) {
    const premiseId = resolve(account.premise);
    const number = account.number ?? (await issueNumber(tx, premiseId));
    const person = account.payer.kind === 'person';

    await tx.query(
      `INSERT INTO personal_accounts (number, local_number, premise_id, organisation_id,
         payer_person_id, payer_organisation_id, opened_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        number,
        account.localNumber,
        premiseId,
        organisationId,
        person ? owner(account.payer) : null,
        person ? null : owner(account.payer),
        account.openedOn,
      ],
    );
    accountNumbers.set(account.line, number);
  }

  for (const a of plan.accountUpdates) {
    await tx.query('UPDATE personal_accounts SET local_number = $2, opened_on = $3 WHERE id = $1', [
      a.id,
      a.localNumber,
      a.openedOn,
    ]);
  }

  return { accountNumbers };
}

/** A fresh ЕЛС in the premise's region that no account has. */
async function issueNumber(tx: Queryable, premiseId: string): Promise<string> {
  const cadastral = await findCadastralNumbers(tx, premiseId);
  const region = accountRegionCode(cadastral.premise, cadastral.house);

  for (let attempt = 0; attempt < 20; attempt += 1) {
    const number = issueSingleAccountNumber(region, secureRandom);

    if ((await findTakenAccountNumbers(tx, [number])).size === 0) {
      return number;
    }
  }

  // 24² × 10⁶ numbers per region: twenty taken draws in a row means something else is wrong.
  throw new AppError('internal_error', {
    detail: {
      ru: 'Не удалось выдать номер лицевого счёта',
      en: 'Could not issue an account number',
    },
  });
}

import {
  CERTIFICATE_TITLES,
  formatRoubles,
  type CertificateKind,
} from '../../../domain/documents/certificate-rules.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { getAccountBalance } from '../billing/account-balance.js';

export type CertificateBasis = {
  premiseId: string;
  personalAccountId: string | null;
  organisation: { id: string; name: string; inn: string | null; ogrn: string | null };
  facts: { label: string; value: string }[];
  statement: string;
};

type Ownership = {
  premiseId: string;
  premiseNumber: string;
  premiseKind: string;
  areaTotal: string;
  cadastralNumber: string | null;
  address: string;
  shareNumerator: number;
  shareDenominator: number;
  rightNumber: string | null;
  rightRegisteredOn: string | null;
  ownerName: string;
  organisationId: string | null;
  organisationName: string | null;
  inn: string | null;
  ogrn: string | null;
};

async function ownershipOf(db: Queryable, personId: string, premiseId: string) {
  const [row] = await db.query<Ownership>(
    `SELECT p.id AS "premiseId", p.number AS "premiseNumber", p.kind AS "premiseKind",
            p.area_total::text AS "areaTotal", p.cadastral_number AS "cadastralNumber",
            h.address, o.share_numerator AS "shareNumerator",
            o.share_denominator AS "shareDenominator", o.right_number AS "rightNumber",
            to_char(o.right_registered_on, 'DD.MM.YYYY') AS "rightRegisteredOn",
            concat_ws(' ', pe.surname, pe.name, pe.patronymic) AS "ownerName",
            org.id AS "organisationId", org.name AS "organisationName", org.inn, org.ogrn
     FROM ownerships o
     JOIN premises p ON p.id = o.premise_id
     JOIN houses h ON h.id = p.house_id
     JOIN persons pe ON pe.id = o.person_id
     LEFT JOIN organisations org ON org.id = h.managing_organisation_id
     WHERE o.person_id = $1 AND o.premise_id = $2
       AND (o.ended_on IS NULL OR o.ended_on >= CURRENT_DATE)
     ORDER BY o.started_on DESC NULLS LAST LIMIT 1`,
    [personId, premiseId],
  );

  if (!row) {
    throw new AppError('certificate_refused', {
      detail: {
        ru: 'На платформе нет вашего действующего права собственности на это помещение',
        en: 'The platform has no current ownership of yours for this premise',
      },
    });
  }

  if (!row.organisationId) {
    throw new AppError('certificate_refused', {
      detail: {
        ru: 'У дома нет управляющей организации, которая могла бы выдать справку',
        en: 'The house has no managing organisation to issue the certificate',
      },
    });
  }

  return row;
}

async function accountOf(
  db: Queryable,
  personId: string,
  premiseId: string,
  organisationId: string,
) {
  const [row] = await db.query<{ id: string; number: string }>(
    `SELECT id, number FROM personal_accounts
     WHERE premise_id = $1 AND organisation_id = $2 AND closed_on IS NULL
     ORDER BY (payer_person_id = $3) DESC NULLS LAST, opened_on LIMIT 1`,
    [premiseId, organisationId, personId],
  );

  if (!row) {
    throw new AppError('certificate_refused', {
      detail: {
        ru: 'У помещения нет открытого лицевого счёта в управляющей организации',
        en: 'The premise has no open personal account with the managing organisation',
      },
    });
  }

  return row;
}

function premiseLabel(o: Ownership): string {
  return `${o.address}, ${o.premiseKind === 'flat' ? 'кв.' : 'пом.'} ${o.premiseNumber}`;
}

/**
 * What the certificate will state, read from the register and (for debts) from billing's ledger.
 * Refuses when the statement would be untrue: no current ownership, or a debt for `no_debt`.
 */
export async function certificateBasis(
  db: Queryable,
  kind: CertificateKind,
  personId: string,
  premiseId: string,
  today: string,
): Promise<CertificateBasis> {
  const o = await ownershipOf(db, personId, premiseId);
  const organisation = {
    id: o.organisationId!,
    name: o.organisationName!,
    inn: o.inn,
    ogrn: o.ogrn,
  };
  const base = [
    { label: 'Собственник', value: o.ownerName },
    { label: 'Помещение', value: premiseLabel(o) },
  ];

  if (kind === 'ownership') {
    return {
      premiseId,
      personalAccountId: null,
      organisation,
      facts: [
        ...base,
        { label: 'Общая площадь', value: `${o.areaTotal.replace('.', ',')} м²` },
        { label: 'Кадастровый номер', value: o.cadastralNumber ?? 'не указан' },
        { label: 'Доля в праве', value: `${o.shareNumerator}/${o.shareDenominator}` },
        {
          label: 'Запись о праве',
          value: o.rightNumber
            ? `${o.rightNumber}${o.rightRegisteredOn ? ` от ${o.rightRegisteredOn}` : ''}`
            : 'не указана',
        },
      ],
      statement:
        `Дана ${o.ownerName} в том, что по данным реестра собственников помещений дома, который ` +
        `ведёт ${organisation.name}, он(а) является собственником ${o.shareNumerator}/` +
        `${o.shareDenominator} доли в праве на помещение по адресу: ${premiseLabel(o)}.`,
    };
  }

  const account = await accountOf(db, personId, premiseId, organisation.id);
  const balance = await getAccountBalance(db, { personalAccountId: account.id, onDate: today });
  const onDate = today.split('-').reverse().join('.');
  const facts = [
    ...base,
    { label: 'Лицевой счёт (ЕЛС)', value: account.number },
    { label: 'Сальдо на дату справки', value: formatRoubles(balance.balanceKopecks) },
    { label: 'В том числе просрочено', value: formatRoubles(balance.overdueKopecks) },
    {
      label: 'Последняя оплата',
      value: balance.lastPaymentOn ? balance.lastPaymentOn.split('-').reverse().join('.') : 'нет',
    },
  ];

  if (kind === 'no_debt') {
    if (balance.balanceKopecks > 0n) {
      throw new AppError('certificate_refused', {
        detail: {
          ru: `По лицевому счёту ${account.number} есть задолженность ${formatRoubles(balance.balanceKopecks)}`,
          en: `Personal account ${account.number} owes ${formatRoubles(balance.balanceKopecks)}`,
        },
        extra: { balanceKopecks: balance.balanceKopecks.toString() },
      });
    }

    return {
      premiseId,
      personalAccountId: account.id,
      organisation,
      facts,
      statement:
        `Дана ${o.ownerName} в том, что на ${onDate} задолженности по оплате жилого помещения и ` +
        `коммунальных услуг по лицевому счёту ${account.number} не имеется.`,
    };
  }

  return {
    premiseId,
    personalAccountId: account.id,
    organisation,
    facts,
    statement:
      `Дана ${o.ownerName} о состоянии расчётов за жилищно-коммунальные услуги по лицевому счёту ` +
      `${account.number} на ${onDate}: ` +
      (balance.balanceKopecks > 0n
        ? `задолженность ${formatRoubles(balance.balanceKopecks)}, из неё просрочено ${formatRoubles(balance.overdueKopecks)}.`
        : balance.balanceKopecks < 0n
          ? `переплата (аванс) ${formatRoubles(-balance.balanceKopecks)}.`
          : 'задолженности нет.'),
  };
}

export function titleOf(kind: CertificateKind) {
  return CERTIFICATE_TITLES[kind];
}

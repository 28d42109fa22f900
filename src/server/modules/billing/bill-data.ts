import { allocate, overdueOn } from '../../../domain/billing/allocation.js';
import { buildPaymentQr, QrBuildError, type QrFields } from '../../../domain/billing/payment-qr.js';
import { dueDate, firstDay, lastDay, periodForQr } from '../../../domain/billing/period.js';
import { SERVICES, isService } from '../../../domain/billing/services.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { ledgerLinesOf } from './account-balance.js';
import { notFound } from './billing-common.js';
import { findSettings, type BillingSettings } from './settings.service.js';

export type BillLine = {
  service: string;
  serviceName: string;
  zone: string;
  unit: string | null;
  method: string;
  quantity: string | null;
  rate: string | null;
  accruedKopecks: number;
  recalculationKopecks: number;
  benefitsKopecks: number;
  totalKopecks: number;
  explanations: string[];
};

/** Everything an ЕПД prints (Приказ Минстроя 43/пр): the sections, the sums and the QR. */
export type BillData = {
  documentId: string;
  period: string;
  account: { id: string; number: string; localNumber: string | null };
  payer: {
    name: string;
    lastName: string | null;
    firstName: string | null;
    middleName: string | null;
  };
  premise: { address: string; number: string; areaM2: string; residents: number };
  executor: BillingSettings;
  lines: BillLine[];
  penalties: { kopecks: number; explanations: string[] };
  recalculations: {
    service: string;
    correctsPeriod: string | null;
    ground: string;
    kopecks: number;
  }[];
  debtAtStartKopecks: number;
  paidInPeriodKopecks: number;
  lastPaymentOn: string | null;
  chargedKopecks: number;
  totalDueKopecks: number;
  overdueKopecks: number;
  dueDate: string;
  qr: { text: string } | { problem: string };
};

type Head = {
  id: string;
  number: string;
  localNumber: string | null;
  organisationId: string;
  premiseNumber: string;
  address: string;
  area: string;
  residents: number;
  surname: string | null;
  name: string | null;
  patronymic: string | null;
  orgName: string | null;
};

async function head(db: Queryable, accountId: string, period: string): Promise<Head> {
  const [row] = await db.query<Head>(
    `SELECT a.id, a.number, a.local_number AS "localNumber", a.organisation_id AS "organisationId",
            p.number AS "premiseNumber", h.address, p.area_total::text AS area,
            (SELECT count(*)::int FROM residents r WHERE r.premise_id = p.id
                AND (r.deregistered_on IS NULL OR r.deregistered_on >= $2::date)) AS residents,
            pe.surname, pe.name, pe.patronymic, po.name AS "orgName"
       FROM personal_accounts a JOIN premises p ON p.id = a.premise_id JOIN houses h ON h.id = p.house_id
       LEFT JOIN persons pe ON pe.id = a.payer_person_id
       LEFT JOIN organisations po ON po.id = a.payer_organisation_id
      WHERE a.id = $1`,
    [accountId, firstDay(period)],
  );

  if (!row) {
    throw notFound('Лицевой счёт не найден', 'No such personal account');
  }

  return row;
}

type Charge = {
  service: string;
  zone: string;
  kind: string;
  method: string;
  quantity: string | null;
  unit: string | null;
  rate: string | null;
  amount: number;
  explanation: string;
  ground: string | null;
  correctsPeriod: string | null;
};

function groupLines(charges: Charge[]): BillLine[] {
  const lines = new Map<string, BillLine>();

  for (const c of charges.filter((x) => x.kind !== 'penalty')) {
    const key = `${c.service}:${c.zone}:${c.method === 'common_house' ? 'odn' : ''}`;
    const line = lines.get(key) ?? {
      service: c.service,
      serviceName: isService(c.service)
        ? SERVICES[c.service].ru + (c.method === 'common_house' ? ' (ОДН)' : '')
        : c.service,
      zone: c.zone,
      unit: c.unit,
      method: c.method,
      quantity: c.quantity,
      rate: c.rate,
      accruedKopecks: 0,
      recalculationKopecks: 0,
      benefitsKopecks: 0,
      totalKopecks: 0,
      explanations: [],
    };

    if (c.kind === 'recalculation') {
      line.recalculationKopecks += c.amount;
    } else {
      line.accruedKopecks += c.amount;
      line.quantity = c.quantity;
      line.rate = c.rate;
      line.unit = c.unit;
      line.method = c.method;
    }

    line.totalKopecks += c.amount;
    line.explanations.push(c.explanation);
    lines.set(key, line);
  }

  return [...lines.values()];
}

export function billQrFields(bill: Omit<BillData, 'qr'>): QrFields {
  const s = bill.executor;
  const fields: QrFields = {
    Name: s.payeeName,
    PersonalAcc: s.settlementAccount,
    BankName: s.bankName,
    BIC: s.bik,
    CorrespAcc: s.correspondentAccount,
    PayeeINN: s.inn,
    Purpose: `ЖКУ за ${bill.period.slice(5)}.${bill.period.slice(0, 4)}, ЕЛС ${bill.account.number}`,
    PersAcc: bill.account.number,
    PaymPeriod: periodForQr(bill.period),
    TechCode: '02',
  };

  if (s.kpp) {
    fields.KPP = s.kpp;
  }

  if (bill.totalDueKopecks > 0) {
    fields.Sum = String(bill.totalDueKopecks);
  }

  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ''));
}

/**
 * The bill of an account for a closed period. Its sums come from the ledger as of the period's
 * last day, so a bill printed twice prints the same — later payments show on the next one.
 */
export async function composeBill(
  db: Queryable,
  accountId: string,
  period: string,
): Promise<BillData> {
  const account = await head(db, accountId, period);
  const settings = await findSettings(db, account.organisationId);

  if (!settings) {
    throw new AppError('billing_settings_missing');
  }

  const charges = await db.query<Charge>(
    `SELECT c.service, c.zone, c.kind, c.method, c.quantity::text AS quantity, c.unit, c.rate::text AS rate,
            c.amount_kopecks AS amount, c.explanation, c.ground, c.corrects_period AS "correctsPeriod"
       FROM billing_charges c JOIN billing_runs r ON r.id = c.run_id AND r.status = 'closed'
      WHERE c.personal_account_id = $1 AND c.period = $2 ORDER BY c.kind, c.service, c.zone`,
    [accountId, period],
  );

  if (charges.length === 0) {
    throw notFound('Счёт за этот период не выставлен', 'No bill for this period');
  }

  const ledger = await ledgerLinesOf(db, accountId, lastDay(period));
  const start = firstDay(period);
  const before = ledger.filter((l) => l.entryOn < start);
  const reversed = new Set(ledger.map((l) => l.reversesId).filter(Boolean));
  const payments = ledger.filter(
    (l) => l.kind === 'payment' && !reversed.has(l.id) && !l.reversesId,
  );
  const allocation = allocate(ledger, {
    policy: settings.allocation,
    dueDay: settings.paymentDueDay,
  });
  const charged = charges.reduce((sum, c) => sum + c.amount, 0);
  const penaltyLines = charges.filter((c) => c.kind === 'penalty');
  const bill: Omit<BillData, 'qr'> = {
    documentId: `${account.number}-${period.slice(5)}-${period.slice(0, 4)}`,
    period,
    account: { id: account.id, number: account.number, localNumber: account.localNumber },
    payer: {
      name:
        account.orgName ??
        [account.surname, account.name, account.patronymic].filter(Boolean).join(' '),
      lastName: account.surname,
      firstName: account.name,
      middleName: account.patronymic,
    },
    premise: {
      address: account.address,
      number: account.premiseNumber,
      areaM2: account.area,
      residents: account.residents,
    },
    executor: settings,
    lines: groupLines(charges),
    penalties: {
      kopecks: penaltyLines.reduce((s, c) => s + c.amount, 0),
      explanations: penaltyLines.map((c) => c.explanation),
    },
    recalculations: charges
      .filter((c) => c.kind === 'recalculation')
      .map((c) => ({
        service: c.service,
        correctsPeriod: c.correctsPeriod,
        ground: c.ground ?? '',
        kopecks: c.amount,
      })),
    debtAtStartKopecks: Number(before.reduce((sum, l) => sum + l.amountKopecks, 0n)),
    paidInPeriodKopecks: Number(
      -payments.filter((p) => p.entryOn >= start).reduce((s, p) => s + p.amountKopecks, 0n),
    ),
    lastPaymentOn: payments.at(-1)?.entryOn ?? null,
    chargedKopecks: charged,
    totalDueKopecks: Number(allocation.balanceKopecks),
    overdueKopecks: Number(overdueOn(allocation, dueDate(period, settings.paymentDueDay))),
    dueDate: dueDate(period, settings.paymentDueDay),
  };

  try {
    // windows-1251 keeps the Cyrillic at a byte a letter: the code stays near the 300 bytes
    // banking apps read reliably (C04); payer names and address stay off it on purpose.
    return {
      ...bill,
      qr: { text: buildPaymentQr(billQrFields(bill), { encoding: 'cp1251' }).text },
    };
  } catch (error) {
    if (error instanceof QrBuildError) {
      return { ...bill, qr: { problem: error.message } };
    }

    throw error;
  }
}

import { apiRequest } from './client.js';
import type { Page } from './types.js';

/** Billing: bills and payments for payers; tariffs, runs, registries and debtors for staff. */

export type BillingAccount = {
  id: string;
  number: string;
  premiseId: string;
  premiseNumber: string;
  houseAddress: string;
  organisationName: string;
  lastPeriod: string | null;
  balanceKopecks: number;
  overdueKopecks: number;
  lastPaymentOn: string | null;
};

export type BillSummary = { period: string; chargedKopecks: number; penaltyKopecks: number };

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

export type Bill = {
  documentId: string;
  period: string;
  account: { id: string; number: string };
  payer: { name: string };
  premise: { address: string; number: string; areaM2: string; residents: number };
  executor: {
    payeeName: string;
    inn: string;
    bankName: string;
    bik: string;
    settlementAccount: string;
    phone: string | null;
  };
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
  dueDate: string;
  qr: { text: string } | { problem: string };
};

export type LedgerEntry = {
  id: string;
  entryOn: string;
  period: string | null;
  kind: string;
  amountKopecks: number;
  description: string;
  reversesId: string | null;
  reversedBy: string | null;
  balanceKopecks: number;
};

export type OnlinePayment = {
  id: string;
  amountKopecks: number;
  status: 'created' | 'pending' | 'succeeded' | 'declined' | 'expired';
  receiptNumber: string | null;
  declineReason: string | null;
  accountNumber: string;
  paidAt: string | null;
  redirectUrl?: string;
};

export const myBillingAccounts = (signal?: AbortSignal) =>
  apiRequest<{ items: BillingAccount[] }>('/api/v1/me/billing-accounts', { signal });

export const listBills = (accountId: string, signal?: AbortSignal) =>
  apiRequest<{
    balanceKopecks: number;
    overdueKopecks: number;
    lastPaymentOn: string | null;
    items: BillSummary[];
  }>(`/api/v1/personal-accounts/${accountId}/bills`, { signal });

export const getBill = (accountId: string, period: string, signal?: AbortSignal) =>
  apiRequest<Bill>(`/api/v1/personal-accounts/${accountId}/bills/${period}`, { signal });

export const billPdfUrl = (accountId: string, period: string) =>
  `/api/v1/personal-accounts/${accountId}/bills/${period}/epd.pdf`;

export const getLedger = (accountId: string, signal?: AbortSignal) =>
  apiRequest<{ balanceKopecks: number; overdueKopecks: number; items: LedgerEntry[] }>(
    `/api/v1/personal-accounts/${accountId}/ledger`,
    { signal },
  );

export const startPayment = (accountId: string, amountKopecks: number, period?: string) =>
  apiRequest<OnlinePayment>(`/api/v1/personal-accounts/${accountId}/online-payments`, {
    method: 'POST',
    body: period ? { amountKopecks, period } : { amountKopecks },
  });

export const getPayment = (id: string, signal?: AbortSignal) =>
  apiRequest<OnlinePayment>(`/api/v1/online-payments/${id}`, { signal });

export const receiptUrl = (id: string) => `/api/v1/online-payments/${id}/receipt.pdf`;

export type Run = {
  id: string;
  houseId: string;
  houseAddress: string;
  period: string;
  status: 'queued' | 'running' | 'draft' | 'failed' | 'closed';
  accountsTotal: number;
  accountsDone: number;
  chargedKopecks: number;
  penaltyKopecks: number;
  error: string | null;
};

export const listRuns = (orgId: string, signal?: AbortSignal) =>
  apiRequest<Page<Run>>(`/api/v1/organisations/${orgId}/billing-runs`, {
    query: { limit: 50 },
    signal,
  });

export const startRun = (orgId: string, houseId: string, period: string) =>
  apiRequest<Run>(`/api/v1/organisations/${orgId}/billing-runs`, {
    method: 'POST',
    body: { houseId, period },
  });

export const getRun = (id: string, signal?: AbortSignal) =>
  apiRequest<Run>(`/api/v1/billing-runs/${id}`, { signal });

export const closeRun = (id: string) =>
  apiRequest<Run>(`/api/v1/billing-runs/${id}/close`, { method: 'POST' });

export type Tariff = {
  id: string;
  houseId: string | null;
  houseAddress: string | null;
  service: string;
  zone: string;
  rate: string;
  unit: string;
  validFrom: string;
  validTo: string | null;
  isDemo: boolean;
};

export const listTariffs = (orgId: string, signal?: AbortSignal) =>
  apiRequest<{ items: Tariff[] }>(`/api/v1/organisations/${orgId}/tariffs`, { signal });

export const createTariff = (
  orgId: string,
  body: { service: string; zone: string; rate: string; validFrom: string; houseId: string | null },
) => apiRequest<Tariff>(`/api/v1/organisations/${orgId}/tariffs`, { method: 'POST', body });

export type RegistryLine = {
  id: string;
  lineNo: number;
  status: 'matched' | 'unmatched' | 'error' | 'duplicate';
  paidOn: string | null;
  amountKopecks: number | null;
  accountRef: string | null;
  accountNumber: string | null;
  payerName: string | null;
  purpose: string | null;
  problem: string | null;
  fileName?: string;
};

export type Registry = {
  id: string;
  fileName: string;
  encoding: string;
  linesCount: number;
  matchedCount: number;
  unmatchedCount: number;
  errorCount: number;
  duplicateCount: number;
  totalKopecks: number;
  declaredTotalKopecks: number | null;
  totalsMatch: boolean | null;
  createdAt: string;
  lines?: RegistryLine[];
};

export function importRegistry(orgId: string, file: File) {
  const form = new FormData();

  form.append('file', file, file.name);

  return apiRequest<Registry>(`/api/v1/organisations/${orgId}/payment-registries`, {
    method: 'POST',
    body: form,
  });
}

export const listRegistries = (orgId: string, signal?: AbortSignal) =>
  apiRequest<Page<Registry>>(`/api/v1/organisations/${orgId}/payment-registries`, { signal });

export const listUnmatched = (orgId: string, signal?: AbortSignal) =>
  apiRequest<Page<RegistryLine>>(`/api/v1/organisations/${orgId}/unmatched-payments`, {
    query: { limit: 100 },
    signal,
  });

export const matchLine = (lineId: string, personalAccount: string) =>
  apiRequest<RegistryLine>(`/api/v1/registry-lines/${lineId}/match`, {
    method: 'POST',
    body: { personalAccount },
  });

export type Debtor = {
  id: string;
  number: string;
  premiseNumber: string;
  houseAddress: string;
  payer: string | null;
  balanceKopecks: number;
  overdueKopecks: number;
  oldestPeriod: string | null;
  daysOverdue: number;
};

export const listDebtors = (orgId: string, signal?: AbortSignal) =>
  apiRequest<{ items: Debtor[]; onDate: string }>(`/api/v1/organisations/${orgId}/debtors`, {
    signal,
  });

/** 123456 → "1 234,56 ₽". */
export function rub(kopecks: number): string {
  const sign = kopecks < 0 ? '−' : '';
  const abs = Math.abs(kopecks);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');

  return `${sign}${whole},${String(abs % 100).padStart(2, '0')}\u00a0₽`;
}

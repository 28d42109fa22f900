import { apiRequest } from './client.js';

/** Meters, readings and consumption (the meters API, docs/meters.md). */

export type Resource = 'cold_water' | 'hot_water' | 'electricity' | 'heat' | 'gas';
export type Zone = 'single' | 'day' | 'night' | 'peak' | 'semi_peak';

export type Reading = {
  id: string;
  meterId: string;
  zone: Zone;
  period: string;
  kind: 'initial' | 'regular' | 'final';
  value: string;
  takenOn: string;
  source: string;
  flag: string | null;
  confirmed: string | null;
  billable: boolean;
  notBillableReason: string | null;
  hasPhoto: boolean;
  locked: boolean;
};

export type Meter = {
  id: string;
  houseId: string;
  premiseId: string | null;
  premiseNumber: string | null;
  resource: Resource;
  unit: 'm3' | 'kWh' | 'Gcal';
  zones: Zone[];
  integerDigits: number;
  fractionDigits: number;
  serialNumber: string;
  model: string | null;
  installedOn: string;
  verifiedOn: string | null;
  verificationIntervalMonths: number;
  nextVerificationOn: string | null;
  verificationExpired: boolean;
  status: 'active' | 'replaced' | 'archived';
  closedOn: string | null;
  replacesMeterId: string | null;
  last: Reading[];
};

export type ReadingForm = {
  targetPeriod: string | null;
  late: boolean;
  opensOn: string;
  closesOn: string;
  windowOpen: boolean;
  latePolicy: 'next_period' | 'not_counted';
  today: string;
};

export type PremiseMeters = {
  premiseId: string;
  houseId: string;
  form: ReadingForm;
  meters: Meter[];
};
export type HouseMeters = { houseId: string; address: string; form: ReadingForm; meters: Meter[] };

export type SubmitResult = {
  readings: (Reading & { consumption: string | null })[];
  period: string;
  late: boolean;
  warnings: { code: 'meter_verification_expired'; ru: string; en: string }[];
};

export type Consumption = {
  premiseId: string;
  periods: string[];
  series: {
    resource: Resource;
    zone: Zone;
    unit: string;
    points: {
      period: string;
      quantity: string | null;
      houseAverage: string | null;
      norm: string | null;
    }[];
  }[];
};

export type Imbalance = {
  period: string;
  tolerancePercent: number;
  houses: {
    houseId: string;
    address: string;
    outOfLine: boolean;
    resources: {
      resource: Resource;
      common: string | null;
      individual: string;
      difference: string | null;
      percent: number | null;
      outOfLine: boolean;
    }[];
  }[];
};

export type MeterSettings = {
  windowStartDay: number;
  windowEndDay: number;
  latePolicy: 'next_period' | 'not_counted';
  decreasePolicy: 'flag' | 'refuse';
  jumpFactor: number;
  imbalanceTolerancePercent: number;
  norms: Partial<Record<Resource, string>>;
};

export type ImportReport = {
  id: string;
  rowsTotal: number;
  rowsImported: number;
  rowsFlagged: number;
  rowsRefused: number;
  problems: { line: number; severity: 'refused' | 'flagged'; code: string; message: string }[];
  problemsTruncated: boolean;
};

export type ReminderKind = 'window_open' | 'window_closing' | 'verification_due';
export type Reminders = { reminders: { kind: ReminderKind; enabled: boolean }[] };

export type SubmitBody = {
  takenOn?: string;
  values: { zone: Zone; value: string }[];
  confirm?: { rollover: boolean; jump: boolean };
  photoFileId?: string;
};

export const getPremiseMeters = (premiseId: string, signal?: AbortSignal) =>
  apiRequest<PremiseMeters>(`/api/v1/premises/${premiseId}/meters`, { signal });

export const getHouseMeters = (houseId: string, signal?: AbortSignal) =>
  apiRequest<HouseMeters>(`/api/v1/houses/${houseId}/meters`, { signal });

export const submitReading = (meterId: string, body: SubmitBody) =>
  apiRequest<SubmitResult>(`/api/v1/meters/${meterId}/readings`, { method: 'POST', body });

export const getMeterReadings = (meterId: string, signal?: AbortSignal) =>
  apiRequest<{ items: Reading[] }>(`/api/v1/meters/${meterId}/readings`, { signal });

export const getConsumption = (premiseId: string, signal?: AbortSignal) =>
  apiRequest<Consumption>(`/api/v1/premises/${premiseId}/consumption`, {
    query: { months: 24 },
    signal,
  });

export const getImbalance = (orgId: string, period: string | undefined, signal?: AbortSignal) =>
  apiRequest<Imbalance>(`/api/v1/organisations/${orgId}/meter-imbalance`, {
    query: { period },
    signal,
  });

export const getMeterSettings = (orgId: string, signal?: AbortSignal) =>
  apiRequest<MeterSettings>(`/api/v1/organisations/${orgId}/meter-settings`, { signal });

export const putMeterSettings = (orgId: string, body: MeterSettings) =>
  apiRequest<MeterSettings>(`/api/v1/organisations/${orgId}/meter-settings`, {
    method: 'PUT',
    body,
  });

export const getReminders = (signal?: AbortSignal) =>
  apiRequest<Reminders>('/api/v1/me/meter-reminders', { signal });

export const putReminders = (body: Reminders) =>
  apiRequest<Reminders>('/api/v1/me/meter-reminders', { method: 'PUT', body });

export function importReadings(orgId: string, file: File) {
  const form = new FormData();

  form.append('file', file, file.name);

  return apiRequest<ImportReport>(`/api/v1/organisations/${orgId}/reading-imports`, {
    method: 'POST',
    body: form,
  });
}

export function uploadMeterPhoto(meterId: string, file: File) {
  const form = new FormData();

  form.append('file', file, file.name);

  return apiRequest<{ fileId: string }>(`/api/v1/meters/${meterId}/photos`, {
    method: 'POST',
    body: form,
  });
}

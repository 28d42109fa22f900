import { apiRequest } from './client.js';

/** The row-by-row report of a premises import, as the API answers it. */

export type ImportMessage = { field: string | null; code: string; message: string };

export type ImportRowStatus = 'create' | 'update' | 'unchanged' | 'error';

export type ImportReportRow = {
  line: number;
  status: ImportRowStatus;
  house: string;
  kind: string;
  number: string;
  owner: string;
  accountNumber: string | null;
  actions: string[];
  changes: { field: string; from: string | null; to: string | null }[];
  problems: ImportMessage[];
  warnings: ImportMessage[];
};

export type ImportReport = {
  status: 'preview' | 'imported' | 'refused';
  dryRun: boolean;
  house: { id: string; address: string };
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  unknownColumns: string[];
  ignoredColumns: { name: string; reason: string }[];
  totals: Record<'rows' | 'create' | 'update' | 'unchanged' | 'error' | 'warnings', number>;
  effects: Record<
    | 'premisesCreated'
    | 'premisesUpdated'
    | 'entrancesCreated'
    | 'personsCreated'
    | 'organisationsCreated'
    | 'ownershipsCreated'
    | 'ownershipsUpdated'
    | 'accountsCreated'
    | 'accountsUpdated',
    number
  >;
  rows: ImportReportRow[];
};

export function importPremises(houseId: string, file: File, dryRun: boolean) {
  const form = new FormData();

  form.append('file', file, file.name);

  return apiRequest<ImportReport>(`/api/v1/houses/${houseId}/premises-imports`, {
    method: 'POST',
    query: { dryRun },
    body: form,
  });
}

export function templateUrl(language: string): string {
  return `/api/v1/premises-imports/template.csv?lang=${language === 'en' ? 'en' : 'ru'}`;
}

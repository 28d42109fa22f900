import { apiRequest } from './client.js';

export type RegistryObjectKind = 'flat' | 'non_residential' | 'parking' | 'storage';

export type RegistryRight = {
  ownerKind: 'person' | 'company' | 'municipality';
  ownerName: string;
  ownerInn: string | null;
  /** Whether the registry gave the owner's СНИЛС; the number itself is never sent. */
  hasSnils: boolean;
  share: { numerator: number; denominator: number };
  shareText: string;
  registrationNumber: string;
  registeredOn: string;
};

export type RegistryObject = {
  cadastralNumber: string;
  address: string;
  kind: RegistryObjectKind;
  premiseNumber: string | null;
  /** m² with two decimals, as a string. */
  area: string;
  extractedOn: string | null;
  house: { id: string; address: string } | null;
  premise: { id: string; number: string; kind: string; areaTotal: string } | null;
  rights: RegistryRight[];
  sharesTotal: string;
  updatedAt: string;
};

export type RowOutcome = {
  line: number;
  cadastralNumber: string;
  outcome: 'created' | 'updated' | 'unchanged' | 'valid' | 'refused';
};

export type ReportedProblem = { line: number; field: string; code: string; message: string };

/** What an import did or would do; see docs/registry-import.md. */
export type RegistryImportReport = {
  runId: string | null;
  status: 'imported' | 'preview' | 'refused';
  dryRun: boolean;
  fileName: string;
  format: 'csv' | 'xml';
  encoding: 'utf-8' | 'windows-1251';
  rowsRead: number;
  objectsRead: number;
  rightsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  housesMatched: number;
  unmatched: { address: string; reason: 'no_house' | 'ambiguous'; objects: number }[];
  rows: RowOutcome[];
  errors: ReportedProblem[];
  errorsTotal: number;
  rowsWithErrors: number;
  ignored: string[];
};

export function getRegistryObject(cadastralNumber: string, signal?: AbortSignal) {
  return apiRequest<RegistryObject>(
    `/api/v1/registry/objects/${encodeURIComponent(cadastralNumber)}`,
    { signal },
  );
}

/**
 * Sends an extract for import, or for a dry run that stores nothing. A file with broken rows
 * fails with 422; its report is the `report` extension of the ApiError (see `refusedReport`).
 */
export function importRegistryExtract(file: File, dryRun: boolean) {
  const form = new FormData();

  form.append('file', file, file.name);

  return apiRequest<RegistryImportReport>('/api/v1/registry/imports', {
    method: 'POST',
    query: { dryRun: dryRun ? 'true' : undefined },
    body: form,
  });
}

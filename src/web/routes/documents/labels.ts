import type { ParseKeys } from 'i18next';

import type { DocumentKind, DocumentStatus } from '../../api/documents.js';

export const DOCUMENT_KINDS: DocumentKind[] = [
  'contract',
  'act',
  'technical',
  'licence',
  'protocol',
  'personal',
  'other',
];

export function kindKey(kind: DocumentKind) {
  return `documents.kinds.${kind}` satisfies ParseKeys;
}

export function statusKey(status: DocumentStatus) {
  return `documents.statuses.${status}` satisfies ParseKeys;
}

export const STATUS_COLOR: Record<DocumentStatus, string> = {
  active: 'gray',
  awaiting_signature: 'yellow',
  signed: 'green',
  superseded: 'dark',
};

export function formatDateTime(iso: string, language: string) {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ru-RU', {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function formatDate(isoDate: string, language: string) {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ru-RU', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

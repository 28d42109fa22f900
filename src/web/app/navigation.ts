import type { ParseKeys } from 'i18next';

/**
 * The sections of each audience. `key` names the texts under `sections.<key>` in the translation
 * files; every section here is still a "coming" page until its issue lands.
 */
export type Section = { key: SectionKey; path: string; ready?: boolean };

export type SectionKey =
  | 'ownerObjects'
  | 'ownerBills'
  | 'ownerMeters'
  | 'ownerRequests'
  | 'ownerMeetings'
  | 'ownerDocuments'
  | 'ownerAppeals'
  | 'orgHouses'
  | 'orgAccounts'
  | 'orgImport'
  | 'orgCharges'
  | 'orgRequests'
  | 'orgMeetings'
  | 'orgStaff'
  | 'authorityAppeals'
  | 'authorityLicences'
  | 'authorityProtocols'
  | 'authorityOpenData';

export type Audience = { key: 'owners' | 'organisations' | 'authorities'; sections: Section[] };

export const AUDIENCES: Audience[] = [
  {
    key: 'owners',
    sections: [
      { key: 'ownerObjects', path: '/owner/properties', ready: true },
      { key: 'ownerBills', path: '/owner/bills' },
      { key: 'ownerMeters', path: '/owner/meters' },
      { key: 'ownerRequests', path: '/owner/requests' },
      { key: 'ownerMeetings', path: '/owner/meetings' },
      { key: 'ownerDocuments', path: '/owner/documents' },
      { key: 'ownerAppeals', path: '/owner/appeals' },
    ],
  },
  {
    key: 'organisations',
    sections: [
      { key: 'orgHouses', path: '/org/houses', ready: true },
      { key: 'orgAccounts', path: '/org/accounts', ready: true },
      { key: 'orgImport', path: '/org/import', ready: true },
      { key: 'orgCharges', path: '/org/charges' },
      { key: 'orgRequests', path: '/org/requests' },
      { key: 'orgMeetings', path: '/org/meetings' },
      { key: 'orgStaff', path: '/org/staff', ready: true },
    ],
  },
  {
    key: 'authorities',
    sections: [
      { key: 'authorityAppeals', path: '/authority/appeals' },
      { key: 'authorityLicences', path: '/authority/licences' },
      { key: 'authorityProtocols', path: '/authority/protocols' },
      { key: 'authorityOpenData', path: '/authority/open-data' },
    ],
  },
];

export const ALL_SECTIONS: Section[] = AUDIENCES.flatMap((audience) => audience.sections);

export function sectionTitleKey(key: SectionKey) {
  return `sections.${key}.title` satisfies ParseKeys;
}

export function sectionDescriptionKey(key: SectionKey) {
  return `sections.${key}.description` satisfies ParseKeys;
}

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
  | 'orgDocuments'
  | 'orgMeters'
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
      { key: 'ownerBills', path: '/owner/bills', ready: true },
      { key: 'ownerMeters', path: '/owner/meters', ready: true },
      { key: 'ownerRequests', path: '/owner/requests', ready: true },
      { key: 'ownerMeetings', path: '/owner/meetings', ready: true },
      { key: 'ownerDocuments', path: '/owner/documents', ready: true },
      { key: 'ownerAppeals', path: '/owner/appeals' },
    ],
  },
  {
    key: 'organisations',
    sections: [
      { key: 'orgHouses', path: '/org/houses', ready: true },
      { key: 'orgAccounts', path: '/org/accounts', ready: true },
      { key: 'orgImport', path: '/org/import', ready: true },
      { key: 'orgMeters', path: '/org/meters', ready: true },
      { key: 'orgCharges', path: '/org/charges', ready: true },
      { key: 'orgRequests', path: '/org/requests', ready: true },
      { key: 'orgMeetings', path: '/org/meetings', ready: true },
      { key: 'orgStaff', path: '/org/staff', ready: true },
      { key: 'orgDocuments', path: '/org/documents', ready: true },
    ],
  },
  {
    key: 'authorities',
    sections: [
      { key: 'authorityAppeals', path: '/authority/appeals' },
      { key: 'authorityLicences', path: '/authority/licences' },
      { key: 'authorityProtocols', path: '/authority/protocols', ready: true },
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

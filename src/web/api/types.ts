/**
 * Shapes of the API's responses as the contract in the brief defines them. Kept by hand rather
 * than generated, so the UI states exactly which fields it relies on.
 */

export type Page<T> = { items: T[]; total: number; page: number; limit: number };

export type OrganisationRef = { id: string; name: string };

export type BuildingSummary = {
  id: string;
  portalId: number;
  address: string;
  yearBuilt: number | null;
  floorsMax: number | null;
  isEmergency: boolean | null;
  managingOrganisation: OrganisationRef | null;
  latitude: number | null;
  longitude: number | null;
};

/** Areas are decimal strings with two places ("1234.50"), or null when the registry is silent. */
export type Area = string | null;

export type BuildingDetail = BuildingSummary & {
  series: string | null;
  houseType: string | null;
  capitalRepairFund: string | null;
  floorsMin: number | null;
  entrances: number | null;
  premisesCount: number | null;
  residentialPremisesCount: number | null;
  nonResidentialPremisesCount: number | null;
  areaTotal: Area;
  areaResidential: Area;
  areaNonResidential: Area;
  areaCommon: Area;
  areaLand: Area;
  areaParking: Area;
  cadastralNumber: string | null;
  energyClass: string | null;
  playground: string | null;
  sportsGround: string | null;
  otherImprovements: string | null;
  notes: string | null;
  portalUpdatedAt: string | null;
  serviceStartedOn: string | null;
  timeZone: string | null;
  demo?: { premises: number } | null;
};

export type OrganisationSummary = {
  id: string;
  name: string;
  /** management_company | hoa | housing_coop | authority | operator | other; more may come. */
  kind: string;
  housesCount: number;
};

export type OrganisationDetail = OrganisationSummary & {
  inn: string | null;
  ogrn: string | null;
  portalLink: string | null;
};

export type SessionRole = {
  role: string;
  organisationId: string | null;
  organisationName: string | null;
};

export type SessionUser = { id: string; displayName: string; roles: SessionRole[] };

/** `csrfToken` is optional: when the server sends one, writes echo it back in a header. */
export type Session = { user: SessionUser; csrfToken?: string };

export type DemoAccount = {
  login: string;
  password: string;
  audience: string;
  description: string;
};

export type DemoInfo = { enabled: boolean; accounts: DemoAccount[] };

export type FieldError = { field: string; rule: string; message: string };

/** RFC 9457 problem document as the API renders every error. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
};

import type { BuildingDetailRow, BuildingRow } from './buildings.repo.js';
import type { BuildingDetail, BuildingSummary } from './buildings.schema.js';

export function presentBuildingSummary(row: BuildingRow): BuildingSummary {
  return {
    id: row.id,
    portalId: Number(row.portalId),
    address: row.address,
    yearBuilt: row.yearBuilt,
    floorsMax: row.floorsMax,
    isEmergency: row.isEmergency,
    managingOrganisation:
      row.organisationId && row.organisationName
        ? { id: row.organisationId, name: row.organisationName }
        : null,
    latitude: row.latitude,
    longitude: row.longitude,
  };
}

export function presentBuildingDetail(row: BuildingDetailRow): BuildingDetail {
  return {
    ...presentBuildingSummary(row),
    series: row.series,
    houseType: row.houseType,
    capitalRepairFund: row.capitalRepairFund,
    floorsMin: row.floorsMin,
    entrances: row.entrances,
    premisesCount: row.premisesCount,
    residentialPremisesCount: row.residentialPremisesCount,
    nonResidentialPremisesCount: row.nonResidentialPremisesCount,
    areaTotal: row.areaTotal,
    areaResidential: row.areaResidential,
    areaNonResidential: row.areaNonResidential,
    areaCommon: row.areaCommon,
    areaLand: row.areaLand,
    areaParking: row.areaParking,
    cadastralNumber: row.cadastralNumber,
    energyClass: row.energyClass,
    playground: row.playground,
    sportsGround: row.sportsGround,
    otherImprovements: row.otherImprovements,
    notes: row.notes,
    portalUpdatedAt: row.portalUpdatedAt ? new Date(row.portalUpdatedAt).toISOString() : null,
    serviceStartedOn: row.serviceStartedOn,
    timeZone: row.timeZone,
    demo: { premises: row.demoPremises },
  };
}

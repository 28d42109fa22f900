import { isVerificationExpired } from '../../../domain/meters/verification.js';
import { unitOf, zonesOf, type MeterResource } from '../../../domain/meters/zones.js';
import type { MeterRow } from './meters.repo.js';
import type { ReadingRow } from './readings.repo.js';

/** Database numerics come with six fraction digits; show the meter's own. */
export function trimValue(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

export function presentReading(r: ReadingRow) {
  return {
    id: r.id,
    meterId: r.meterId,
    zone: r.zone as 'single',
    period: r.period,
    kind: r.kind,
    value: trimValue(r.value),
    takenOn: r.takenOn,
    source: r.source,
    flag: r.flag,
    confirmed: r.confirmed,
    billable: r.billable,
    notBillableReason: r.notBillableReason,
    hasPhoto: r.photoFileId !== null,
    locked: r.locked,
  };
}

export function presentMeter(m: MeterRow, last: ReadingRow[]) {
  return {
    id: m.id,
    houseId: m.houseId,
    premiseId: m.premiseId,
    premiseNumber: m.premiseNumber,
    resource: m.resource as MeterResource,
    unit: unitOf(m.resource as MeterResource),
    zones: zonesOf(m.zones),
    integerDigits: m.integerDigits,
    fractionDigits: m.fractionDigits,
    serialNumber: m.serialNumber,
    model: m.model,
    installedOn: m.installedOn,
    verifiedOn: m.verifiedOn,
    verificationIntervalMonths: m.verificationIntervalMonths,
    nextVerificationOn: m.nextVerificationOn,
    verificationExpired: isVerificationExpired(m.nextVerificationOn, m.today),
    status: m.status,
    closedOn: m.closedOn,
    replacesMeterId: m.replacesMeterId,
    last: last.filter((r) => r.meterId === m.id).map(presentReading),
  };
}

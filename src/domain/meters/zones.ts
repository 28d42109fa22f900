/** The metered resources and their tariff zones (one to three, electricity only). */
export const RESOURCES = ['cold_water', 'hot_water', 'electricity', 'heat', 'gas'] as const;

export type MeterResource = (typeof RESOURCES)[number];

export type TariffZone = 'single' | 'day' | 'night' | 'peak' | 'semi_peak';

/** Zone names by count: two-zone day/night; three-zone peak, semi-peak and night. */
export function zonesOf(count: number): TariffZone[] {
  if (count === 2) {
    return ['day', 'night'];
  }

  if (count === 3) {
    return ['peak', 'semi_peak', 'night'];
  }

  return ['single'];
}

export function unitOf(resource: MeterResource): 'm3' | 'kWh' | 'Gcal' {
  if (resource === 'electricity') {
    return 'kWh';
  }

  return resource === 'heat' ? 'Gcal' : 'm3';
}

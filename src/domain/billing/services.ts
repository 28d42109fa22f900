/**
 * The services a house is billed for and how each is measured. `basis` says where the volume of
 * an account comes from: the premise's area, a meter (falling back to average, then norm), or
 * the norm per m² (heating without a house meter).
 */
export const SERVICES = {
  maintenance: { unit: 'm2', basis: 'area', ru: 'Содержание жилого помещения', en: 'Maintenance' },
  capital_repair: {
    unit: 'm2',
    basis: 'area',
    ru: 'Взнос на капитальный ремонт',
    en: 'Capital repair contribution',
  },
  cold_water: { unit: 'm3', basis: 'metered', ru: 'Холодное водоснабжение', en: 'Cold water' },
  hot_water: { unit: 'm3', basis: 'metered', ru: 'Горячее водоснабжение', en: 'Hot water' },
  sewerage: { unit: 'm3', basis: 'sewerage', ru: 'Водоотведение', en: 'Sewerage' },
  electricity: { unit: 'kwh', basis: 'metered', ru: 'Электроснабжение', en: 'Electricity' },
  heating: { unit: 'gcal', basis: 'heating', ru: 'Отопление', en: 'Heating' },
} as const;

export type Service = keyof typeof SERVICES;
export type ServiceBasis = (typeof SERVICES)[Service]['basis'];

export const SERVICE_CODES = Object.keys(SERVICES) as Service[];

export const ZONES = ['single', 'day', 'night', 'peak', 'semi_peak'] as const;
export type Zone = (typeof ZONES)[number];

export const UNIT_LABELS: Record<string, { ru: string; en: string }> = {
  m2: { ru: 'м²', en: 'm²' },
  m3: { ru: 'м³', en: 'm³' },
  kwh: { ru: 'кВт·ч', en: 'kWh' },
  gcal: { ru: 'Гкал', en: 'Gcal' },
};

/** The meter resource whose readings bill the service (heat meters bill heating). */
export const RESOURCE_OF: Partial<Record<Service, string>> = {
  cold_water: 'cold_water',
  hot_water: 'hot_water',
  electricity: 'electricity',
  heating: 'heat',
};

export function isService(code: string): code is Service {
  return Object.hasOwn(SERVICES, code);
}

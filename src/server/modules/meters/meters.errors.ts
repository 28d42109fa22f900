import type { CodeSpec } from '../../platform/errors.js';

/**
 * The stable error codes of the meters module, merged into the platform's one catalogue. Each
 * reading rule has its own code so a client can explain the refusal (cases C10, C11, C13).
 */
export const metersErrorCodes = {
  reading_not_a_number: {
    status: 422,
    ru: 'Показание должно быть числом: цифры и, если нужно, запятая или точка',
    en: 'The reading must be a number: digits and, if needed, a decimal comma or point',
  },
  reading_negative: {
    status: 422,
    ru: 'Показание не может быть отрицательным',
    en: 'A reading cannot be negative',
  },
  reading_too_precise: {
    status: 422,
    ru: 'Слишком много цифр после запятой',
    en: 'Too many digits after the decimal separator',
  },
  reading_exceeds_capacity: {
    status: 422,
    ru: 'Показание не помещается на табло прибора: проверьте число цифр до и после запятой',
    en: "The reading does not fit the meter's dial: check the digits before and after the point",
  },
  reading_in_future: {
    status: 422,
    ru: 'Дата показания ещё не наступила',
    en: 'The reading is dated in the future',
  },
  reading_before_installation: {
    status: 422,
    ru: 'Дата показания раньше установки прибора',
    en: 'The reading is dated before the meter was installed',
  },
  reading_lower_than_previous: {
    status: 422,
    ru: 'Показание меньше предыдущего. Проверьте цифры; если прибор заменили — сообщите в управляющую организацию',
    en: 'The reading is lower than the previous one. Check the digits; if the meter was replaced, tell the management organisation',
  },
  reading_higher_than_next: {
    status: 422,
    ru: 'Показание больше уже принятого показания за более поздний период',
    en: 'The reading is higher than one already accepted for a later period',
  },
  reading_rollover_unconfirmed: {
    status: 409,
    ru: 'Похоже, счётчик прошёл через ноль (табло переполнилось). Подтвердите, если это так',
    en: 'The meter seems to have rolled over past its last digit; confirm if so',
  },
  reading_jump_unconfirmed: {
    status: 409,
    ru: 'Расход во много раз больше обычного — возможно, лишняя цифра или запятая не на месте. Проверьте и подтвердите',
    en: 'The consumption is many times the usual one: perhaps a digit too many or a misplaced point. Check and confirm',
  },
  reading_period_locked: {
    status: 409,
    ru: 'Показание уже принято к расчёту; исправить его нельзя. Передайте новое показание в следующем периоде',
    en: 'The reading has already been taken into billing and cannot be changed; submit a new one for the next period',
  },
  reading_window_closed: {
    status: 422,
    ru: 'Приём показаний сейчас закрыт: месяц будет начислен по среднему. Передайте показания в следующее окно',
    en: 'Readings are not accepted now: the month is billed on the average. Submit in the next window',
  },
  reading_zone_missing: {
    status: 422,
    ru: 'Нужно показание по каждой тарифной зоне прибора',
    en: 'A reading is needed for every tariff zone of the meter',
  },
  meter_not_active: {
    status: 409,
    ru: 'Прибор заменён или выведен из учёта: показания по нему не принимаются',
    en: 'The meter has been replaced or archived: it takes no readings',
  },
  meter_serial_taken: {
    status: 409,
    ru: 'В организации уже есть действующий прибор с таким заводским номером',
    en: 'The organisation already has an active meter with this serial number',
  },
  meter_zones_invalid: {
    status: 422,
    ru: 'Несколько тарифных зон бывает только у электросчётчика (от одной до трёх)',
    en: 'Only an electricity meter has several tariff zones (one to three)',
  },
  meter_settings_invalid: {
    status: 422,
    ru: 'Дни окна приёма показаний — от 1 до 31, начало не позже конца',
    en: 'Window days are 1 to 31, the start no later than the end',
  },
  meter_photo_invalid: {
    status: 422,
    ru: 'Фото прибора должно быть изображением JPEG, PNG, WebP или HEIC',
    en: 'The meter photo must be a JPEG, PNG, WebP or HEIC image',
  },
  import_meter_unknown: {
    status: 422,
    ru: 'Прибора с таким заводским номером нет среди действующих приборов организации',
    en: 'No active meter of the organisation has this serial number',
  },
  import_serial_missing: {
    status: 422,
    ru: 'Не указан заводской номер прибора',
    en: 'The serial number is missing',
  },
  import_zone_unknown: {
    status: 422,
    ru: 'Неизвестная тарифная зона: пусто, Т1/день, Т2/ночь, пик, Т3/полупик',
    en: 'Unknown tariff zone: empty, T1/day, T2/night, peak, T3/semi-peak',
  },
  import_zone_not_on_meter: {
    status: 422,
    ru: 'У этого прибора нет такой тарифной зоны',
    en: 'The meter has no such tariff zone',
  },
  import_date_invalid: {
    status: 422,
    ru: 'Дата не распознана: нужна дата вида 23.03.2026 или 2026-03-23',
    en: 'The date is not recognised: use 23.03.2026 or 2026-03-23',
  },
  import_row_unreadable: {
    status: 422,
    ru: 'Строку не удалось разобрать',
    en: 'The row cannot be read',
  },
  import_duplicate_row: {
    status: 422,
    ru: 'Показание этого прибора и зоны за этот период уже есть выше в файле',
    en: 'The file already has a reading of this meter and zone for the period above',
  },
  reading_older_than_last: {
    status: 422,
    ru: 'У прибора уже есть показание за более поздний период',
    en: 'The meter already has a reading for a later period',
  },
} as const satisfies Record<string, CodeSpec>;

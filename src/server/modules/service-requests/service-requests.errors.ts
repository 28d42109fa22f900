import type { CodeSpec } from '../../platform/errors.js';

/** The stable error codes of the service-requests module, merged into the platform's one catalogue. */
export const serviceRequestsErrorCodes = {
  /** The person has no current ownership, registration or power of attorney for the premise. */
  service_request_premise_unlinked: {
    status: 403,
    ru: 'Заявку о помещении может подать только его собственник, житель или представитель',
    en: 'Only an owner, resident or representative of the premise may file a request about it',
  },
  /** Nobody manages the house, so there is no organisation to receive the request. */
  service_request_no_organisation: {
    status: 409,
    ru: 'У дома нет управляющей организации на платформе',
    en: 'The house has no managing organisation on the platform',
  },
  /** The same text from the same person minutes ago: `existingId` names the request (C24). */
  service_request_duplicate: {
    status: 409,
    ru: 'Такая заявка уже подана несколько минут назад',
    en: 'The same request was filed a few minutes ago',
  },
  /** Identical requests to one organisation above the daily limit (`limit`), C24. */
  service_request_daily_limit: {
    status: 429,
    ru: 'Превышен дневной лимит одинаковых заявок в эту организацию',
    en: 'The daily limit of identical requests to this organisation is reached',
  },
  /** A status change the current status or the caller's role does not allow. */
  service_request_status_out_of_order: {
    status: 409,
    ru: 'Такой переход статуса сейчас невозможен',
    en: 'This status change is not possible now',
  },
  /** A rejection, a wait for the resident or a reopening without a reason. */
  service_request_reason_required: {
    status: 422,
    ru: 'Укажите причину',
    en: 'Give a reason',
  },
  /** The reopening period after completion is over. */
  service_request_reopen_expired: {
    status: 409,
    ru: 'Срок, в который можно вернуть заявку в работу, истёк; подайте новую',
    en: 'The period for reopening has passed; file a new request',
  },
  /** Rated already, or not completed yet. */
  service_request_not_ratable: {
    status: 409,
    ru: 'Оценить можно только выполненную заявку, один раз',
    en: 'Only a completed request can be rated, once',
  },
  /** The executor is not an employee of the organisation with the executor role. */
  service_request_executor_invalid: {
    status: 422,
    ru: 'Исполнитель не найден среди сотрудников организации',
    en: 'The executor is not among the organisation’s staff',
  },
  /** A photo id that is not the caller's sanitised request photo. */
  service_request_photo_unavailable: {
    status: 422,
    ru: 'Фото не найдено среди ваших загрузок; загрузите его заново',
    en: 'The photo is not among your uploads; upload it again',
  },
  /** Joining is for open requests of others; one's own or a closed one cannot be joined. */
  service_request_join_refused: {
    status: 409,
    ru: 'К этой заявке нельзя присоединиться',
    en: 'This request cannot be joined',
  },
  /** An assistant script with broken structure (unknown next question, loop, duplicate ids). */
  assistant_script_invalid: {
    status: 422,
    ru: 'Сценарий помощника содержит ошибки',
    en: 'The assistant script has errors',
  },
  /** An organisation term that is not `P<n>D`/`PT<n>H` or exceeds 45 days (C21: P60D). */
  service_request_term_invalid: {
    status: 422,
    ru: 'Срок указан неверно: нужен вид P10D или PT48H, не больше P45D',
    en: 'The term is invalid: use P10D or PT48H, at most P45D',
  },
  /** The planned work is done or cancelled already. */
  planned_work_closed: {
    status: 409,
    ru: 'Работа уже завершена или отменена',
    en: 'The work is already completed or cancelled',
  },
  /** The incident is resolved already. */
  incident_resolved: {
    status: 409,
    ru: 'Авария уже устранена',
    en: 'The incident is already resolved',
  },
} as const satisfies Record<string, CodeSpec>;

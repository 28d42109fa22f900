import type { CodeSpec } from '../../platform/errors.js';

/** The stable error codes of the meetings module, merged into the platform's one catalogue. */
export const meetingsErrorCodes = {
  /** The dates break the notice period or the voting bounds; `problems` names each rule. */
  meeting_schedule_invalid: {
    status: 422,
    ru: 'Даты собрания нарушают сроки Жилищного кодекса',
    en: 'The meeting dates break the Housing Code periods',
  },
  /** The decision kind is not in the catalogue edition in force on the first day of voting. */
  decision_kind_unknown: {
    status: 422,
    ru: 'Такого вида решения нет в перечне, действующем на дату собрания',
    en: 'No such decision kind in the catalogue in force on the meeting date',
  },
  /** The organisation does not manage the house, or the person owns nothing in it. */
  meeting_initiator_invalid: {
    status: 403,
    ru: 'Инициатор не может созвать собрание в этом доме',
    en: 'The initiator may not convene a meeting in this house',
  },
  meeting_not_open: {
    status: 409,
    ru: 'Голосование ещё не началось',
    en: 'Voting has not started yet',
  },
  meeting_closed: {
    status: 409,
    ru: 'Голосование окончено, бюллетени больше не принимаются',
    en: 'Voting is over; no more ballots are accepted',
  },
  paper_cutoff_passed: {
    status: 409,
    ru: 'Срок приёма бумажных бюллетеней истёк',
    en: 'The cut-off for paper ballots has passed',
  },
  meeting_still_voting: {
    status: 409,
    ru: 'Голосование ещё идёт: итоги подводятся после его окончания',
    en: 'Voting is still running; results are fixed after it ends',
  },
  /** The entry is not in the meeting's frozen register. */
  ballot_entry_unknown: {
    status: 422,
    ru: 'Помещения или собственника нет в реестре собственников этого собрания',
    en: 'No such premise or owner in the frozen register of this meeting',
  },
  /** The caller is neither the owner, their representative, nor the owning organisation. */
  ballot_not_entitled: {
    status: 403,
    ru: 'Голосовать по этой доле может только её собственник или его представитель',
    en: 'Only the owner of this share or their representative may vote it',
  },
  ballot_already_cast: {
    status: 409,
    ru: 'По этой доле бюллетень уже принят',
    en: 'A ballot for this share has already been received',
  },
  /** Answers name unknown questions or unknown options. */
  ballot_answers_invalid: {
    status: 422,
    ru: 'Бюллетень заполнен неверно',
    en: 'The ballot is filled in wrongly',
  },
  meeting_not_counted: {
    status: 409,
    ru: 'Итоги собрания ещё не подведены',
    en: 'The meeting results are not fixed yet',
  },
  protocol_exists: {
    status: 409,
    ru: 'Протокол уже составлен',
    en: 'The protocol has already been drawn up',
  },
  protocol_missing: {
    status: 409,
    ru: 'Протокол ещё не составлен',
    en: 'The protocol has not been drawn up yet',
  },
  signer_not_designated: {
    status: 403,
    ru: 'Вы не указаны среди подписантов протокола',
    en: 'You are not among the signers of the protocol',
  },
  already_signed: {
    status: 409,
    ru: 'Вы уже подписали протокол',
    en: 'You have already signed the protocol',
  },
  signer_unknown: {
    status: 422,
    ru: 'Подписант не найден среди пользователей платформы',
    en: 'The signer is not a user of the platform',
  },
  receipt_unknown: {
    status: 404,
    ru: 'Бюллетень с таким кодом не найден',
    en: 'No ballot with this receipt',
  },
  poll_closed: { status: 409, ru: 'Опрос завершён', en: 'The poll is closed' },
  poll_not_entitled: {
    status: 403,
    ru: 'В опросе участвуют собственники помещений дома',
    en: 'Only owners of the house take part in the poll',
  },
  poll_already_voted: {
    status: 409,
    ru: 'По этой собственности уже есть ответ',
    en: 'This ownership has already answered',
  },
  poll_option_invalid: {
    status: 422,
    ru: 'Нет такого варианта ответа',
    en: 'No such option',
  },
} as const satisfies Record<string, CodeSpec>;

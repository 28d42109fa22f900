import type { Mismatch, PremiseKind } from '../../../domain/property-claims/reconcile.js';
import type { ClaimStatus } from './property-claims.schema.js';

/**
 * The Russian wording of claims in notices and in the ownership's title document. Notices go out
 * once, by e-mail and in the app, in the product's first language; the web UI words the same
 * facts in the reader's language from the codes.
 */

const KIND_NAMES: Record<PremiseKind, string> = {
  flat: 'квартира',
  non_residential: 'нежилое помещение',
  parking: 'машино-место',
  storage: 'кладовая',
};

const TITLE_NAMES: Record<string, string> = {
  sale_contract: 'Договор купли-продажи',
  gift_contract: 'Договор дарения',
  exchange_contract: 'Договор мены',
  inheritance_certificate: 'Свидетельство о праве на наследство',
  privatisation_contract: 'Договор передачи в собственность (приватизация)',
  shared_construction_contract: 'Договор участия в долевом строительстве',
  housing_coop_certificate: 'Справка о выплате паевого взноса',
  court_decision: 'Решение суда',
  other: 'Правоустанавливающий документ',
};

function kindName(value: string | null): string {
  return value && value in KIND_NAMES ? KIND_NAMES[value as PremiseKind] : (value ?? '—');
}

const area = (value: string | null) => (value ? `${value.replace('.', ',')} м²` : '—');

const MISMATCH_TEXT: Record<Mismatch['code'], (m: Mismatch) => string> = {
  cadastral_format: (m) => `кадастровый номер «${m.claimed}» записан неверно`,
  not_in_registry: (m) => `объекта с кадастровым номером ${m.claimed} нет в реестре`,
  address: (m) => `адрес: указан «${m.claimed}», в реестре «${m.found}»`,
  premise_number: (m) => `номер помещения: указан «${m.claimed}», в реестре «${m.found ?? '—'}»`,
  kind: (m) => `тип: указан «${kindName(m.claimed)}», в реестре «${kindName(m.found)}»`,
  area: (m) => `площадь: указано ${area(m.claimed)}, в реестре ${area(m.found)}`,
  claimant_not_owner: () => 'вы не указаны среди собственников в реестре',
  share_differs: (m) => `доля: указана ${m.claimed}, в реестре ${m.found}`,
  shares_exceed_whole: (m) =>
    `с долей ${m.claimed} сумма долей превысила бы единицу: у других собственников уже ${m.found}`,
};

export function describeMismatch(mismatch: Mismatch): string {
  return MISMATCH_TEXT[mismatch.code](mismatch);
}

/** «Договор купли-продажи № 12/3 от 14.05.2018». */
export function describeTitle(title: { kind: string; number: string | null; date: string | null }) {
  const date = title.date ? ` от ${title.date.split('-').reverse().join('.')}` : '';
  const number = title.number ? ` № ${title.number}` : '';

  return `${TITLE_NAMES[title.kind] ?? TITLE_NAMES.other}${number}${date}`;
}

export type NoticeSubject = {
  houseAddress: string;
  premiseKind: string;
  premiseNumber: string;
  status: ClaimStatus;
  mismatches: Mismatch[];
  reason: string | null;
};

/** The notice of a claim's outcome: confirmed at once, sent to a queue, approved or rejected. */
export function outcomeNotice(
  subject: NoticeSubject & { status: Exclude<ClaimStatus, 'withdrawn'> },
): { subject: string; body: string } {
  const object = `${kindName(subject.premiseKind)} ${subject.premiseNumber}, ${subject.houseAddress}`;

  switch (subject.status) {
    case 'confirmed':
      return {
        subject: 'Право собственности подтверждено',
        body: `Данные совпали с реестром недвижимости: объект «${object}» добавлен в «Мой МП-дом».`,
      };
    case 'conflict':
      return {
        subject: 'Заявка на объект передана на проверку',
        body:
          `Данные заявки на объект «${object}» расходятся с реестром: ` +
          `${subject.mismatches.map(describeMismatch).join('; ')}. ` +
          'Заявку рассмотрит управляющая организация или оператор платформы; мы сообщим решение.',
      };
    case 'approved':
      return {
        subject: 'Заявка на объект одобрена',
        body:
          `Право собственности на объект «${object}» подтверждено после проверки. ` +
          `Комментарий: ${subject.reason ?? '—'}.`,
      };
    case 'rejected':
      return {
        subject: 'Заявка на объект отклонена',
        body:
          `Заявка на объект «${object}» отклонена. Причина: ${subject.reason ?? '—'}. ` +
          'Исправьте данные и подайте заявку снова.',
      };
  }
}

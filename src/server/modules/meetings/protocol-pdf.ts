import type { ProtocolForm } from '../../../domain/meetings/catalogue.js';
import type { Majority } from '../../../domain/meetings/catalogue.js';
import { createPdf, pdfToBuffer, type PdfDocument } from '../../platform/pdf/pdf-document.js';

/** Everything a protocol prints, gathered by the service; this file only lays it out. */
export type ProtocolData = {
  form: ProtocolForm;
  number: string;
  meetingId: string;
  drawnUpOn: string;
  place: string;
  houseAddress: string;
  kind: string;
  formName: string;
  votingStartsOn: string;
  votingEndsOn: string;
  initiator: string;
  administrator: string;
  totalVotes: string;
  participantVotes: string;
  participantPercent: string;
  quorum: boolean;
  questions: {
    position: number;
    title: string;
    proposal: string | null;
    basis: string;
    majority: Majority;
    for: string;
    against: string;
    abstain: string;
    spoiled: string;
    forPercent: string;
    adopted: boolean;
  }[];
  signers: { role: string; name: string }[];
  register: { premise: string; area: string; owner: string; share: string; votes: string }[];
  participants: { premise: string; owner: string; votes: string; channel: string }[];
  ballots: {
    sequence: number;
    premise: string;
    owner: string;
    channel: string;
    receivedAt: string;
    answers: string;
    hash: string;
    counted: boolean;
  }[];
  conflicts: string[];
  dispatches: { kind: string; sentAt: string; messages: number }[];
  chainHead: string;
  createdAt: Date;
};

const MAJORITY_RU: Record<Majority, string> = {
  two_thirds_of_all: 'не менее 2/3 голосов от общего числа голосов собственников',
  more_than_half_of_all: 'более 50 % голосов от общего числа голосов собственников',
  majority_of_participants: 'большинство голосов участвующих в собрании',
  unanimous: '100 % голосов собственников',
};

const ROLE_RU: Record<string, string> = {
  chair: 'Председатель собрания',
  secretary: 'Секретарь собрания',
  counter: 'Член счётной комиссии',
};

function heading(doc: PdfDocument, text: string) {
  doc.moveDown(0.6).font('bold').fontSize(11).text(text).font('regular').fontSize(9.5);
}

function line(doc: PdfDocument, text: string) {
  doc.text(text, { width: doc.page.width - 80 });
}

/**
 * The protocol of an owners' meeting as PDF: the structure of Приказ Минстроя № 266/пр (from
 * 01.09.2025) or № 44/пр (earlier meetings), the decisions with exact votes, the ballot chain's
 * head, and the attachments — the register of owners, the participants, the ballots, the proof
 * that the notice was sent.
 */
export async function renderProtocol(data: ProtocolData): Promise<Buffer> {
  const doc = createPdf({
    title: `Протокол № ${data.number} общего собрания собственников`,
    subject: data.houseAddress,
    createdAt: data.createdAt,
  });

  doc.font('bold').fontSize(13).text(`ПРОТОКОЛ № ${data.number}`, { align: 'center' });
  doc
    .fontSize(11)
    .text('общего собрания собственников помещений в многоквартирном доме', { align: 'center' })
    .text(`по адресу: ${data.houseAddress}`, { align: 'center' });
  doc.moveDown(0.5).font('regular').fontSize(9.5);
  line(doc, `Дата составления: ${ru(data.drawnUpOn)}. Место составления: ${data.place}.`);
  line(doc, `Форма протокола: Приказ Минстроя России № ${data.form}.`);

  if (data.form === '266/пр') {
    line(doc, `Идентификатор собрания в системе МП-дом: ${data.meetingId}.`);
  }

  heading(doc, 'Вводная часть');
  line(doc, `Вид собрания: ${data.kind}. Форма проведения: ${data.formName}.`);
  line(doc, `Период голосования: с ${ru(data.votingStartsOn)} по ${ru(data.votingEndsOn)}.`);
  line(doc, `Инициатор: ${data.initiator}. Администратор собрания: ${data.administrator}.`);
  line(
    doc,
    `Общее количество голосов собственников (площадь всех жилых и нежилых помещений): ` +
      `${data.totalVotes} м² (100 %).`,
  );
  line(
    doc,
    `Приняли участие собственники, обладающие ${data.participantVotes} м² ` +
      `(${data.participantPercent} % голосов). ` +
      (data.quorum ? 'Кворум имеется, собрание правомочно.' : 'Кворум отсутствует.'),
  );

  heading(doc, 'Повестка дня');
  data.questions.forEach((q) => line(doc, `${q.position}. ${q.title}`));

  heading(doc, 'Основная часть: результаты голосования');

  for (const q of data.questions) {
    doc.moveDown(0.3).font('bold').text(`${q.position}. ${q.title}`).font('regular');

    if (q.proposal) {
      line(doc, `Предложено: ${q.proposal}`);
    }

    line(doc, `Основание: ${q.basis}; решение принимается: ${MAJORITY_RU[q.majority]}.`);
    line(
      doc,
      `«За» — ${q.for} м² (${q.forPercent} %), «против» — ${q.against} м², ` +
        `«воздержался» — ${q.abstain} м², недействительно (несколько вариантов) — ${q.spoiled} м².`,
    );
    doc
      .font('bold')
      .text(q.adopted ? 'Решение принято.' : 'Решение не принято.')
      .font('regular');
  }

  heading(doc, 'Проверка подсчёта');
  line(doc, `Вершина цепочки хешей бюллетеней (SHA-256): ${data.chainHead}`);
  line(
    doc,
    'Каждый проголосовавший получил квитанцию — хеш своего бюллетеня — и может проверить, что ' +
      'бюллетень учтён, на странице собрания.',
  );

  if (data.conflicts.length > 0) {
    heading(doc, 'Повторные бюллетени');
    data.conflicts.forEach((c) => line(doc, c));
  }

  heading(doc, 'Место хранения');
  line(
    doc,
    'Протокол, бюллетени и приложения хранятся в системе МП-дом; оригиналы направлены в ' +
      'управляющую организацию и орган государственного жилищного надзора.',
  );

  heading(doc, 'Подписи');

  for (const s of data.signers) {
    line(doc, `${ROLE_RU[s.role] ?? s.role}: ${s.name} — простая электронная подпись в МП-дом.`);
  }

  attachments(doc, data);

  return pdfToBuffer(doc);
}

function attachments(doc: PdfDocument, data: ProtocolData) {
  doc.addPage();
  doc.font('bold').fontSize(11).text('Приложение 1. Реестр собственников помещений').fontSize(8.5);
  doc.font('regular');
  data.register.forEach((r) =>
    line(
      doc,
      `№ ${r.premise} · ${r.area} м² · ${r.owner} · доля ${r.share} · голосов ${r.votes} м²`,
    ),
  );

  doc.addPage();
  doc.font('bold').fontSize(11).text('Приложение 2. Сообщение о собрании и подтверждение отправки');
  doc.font('regular').fontSize(8.5);
  data.dispatches.forEach((d) => line(doc, `${d.kind}: ${d.sentAt}, сообщений: ${d.messages}`));

  doc.moveDown();
  doc.font('bold').fontSize(11).text('Приложение 3. Список участников собрания');
  doc.font('regular').fontSize(8.5);
  data.participants.forEach((p) =>
    line(doc, `№ ${p.premise} · ${p.owner} · ${p.votes} м² · ${p.channel}`),
  );

  doc.addPage();
  doc.font('bold').fontSize(11).text('Приложение 4. Бюллетени');
  doc.font('regular').fontSize(8);
  data.ballots.forEach((b) =>
    line(
      doc,
      `${b.sequence}. № ${b.premise} · ${b.owner} · ${b.channel} · ${b.receivedAt} · ${b.answers}` +
        `${b.counted ? '' : ' · не учтён (повторный)'} · ${b.hash}`,
    ),
  );
}

function ru(date: string): string {
  const [y, m, d] = date.split('-');

  return `${d}.${m}.${y}`;
}

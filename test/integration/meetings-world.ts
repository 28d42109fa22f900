import fs from 'node:fs';

import { storeUpload } from '../../src/server/platform/files/files.service.js';
import { meetingsClock } from '../../src/server/modules/meetings/meetings.clock.js';
import { requestAs, type AccessWorld, type Session } from '../support/access-world.js';

const DAY = 86_400_000;

/** The meetings clock moved to `days` after the real now; 0 puts it back. */
export function travel(days: number) {
  meetingsClock.offsetMs = days * DAY;
}

/** YYYY-MM-DD `days` after today on the (shifted) meetings clock, in Ekaterinburg. */
export function dayAfter(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Yekaterinburg' }).format(
    new Date(meetingsClock.now().getTime() + days * DAY),
  );
}

/** The demo ТСЖ house (Малышева 21 к. 2 in the real extract), where owner@ owns half a flat. */
export async function hoaHouse(world: AccessWorld) {
  const db = world.platform.ctx.db;
  const [row] = await db.query<{ houseId: string; premiseId: string }>(
    `SELECT p.house_id AS "houseId", p.id AS "premiseId" FROM ownerships o
     JOIN premises p ON p.id = o.premise_id JOIN users u ON u.person_id = o.person_id
     WHERE u.email = 'owner@mpdom.test' AND o.share_denominator = 2`,
  );

  return row!;
}

export const THREE_QUESTIONS = [
  { title: 'Избрать председателя и секретаря собрания', decisionKind: 'other' },
  { title: 'Установить взнос на капремонт выше минимального', decisionKind: 'p1_1_1' },
  { title: 'Заключить прямые договоры с РСО', decisionKind: 'p4_2' },
];

/** A valid electronic meeting of the ТСЖ: voting from day 10 to day 16. */
export function electronicMeeting(houseId: string, organisationId: string, extra = {}) {
  return {
    houseId,
    organisationId,
    form: 'electronic',
    title: 'Внеочередное собрание собственников',
    place: 'Система МП-дом',
    votingStartsOn: dayAfter(10),
    votingEndsOn: dayAfter(16),
    questions: THREE_QUESTIONS,
    ...extra,
  };
}

export async function uploadScan(
  world: AccessWorld,
  session: Session,
  name = 'photo-exif-gps.jpg',
) {
  const body = fs.readFileSync(new URL(`../fixtures/files/${name}`, import.meta.url));

  return storeUpload(world.platform.ctx, {
    body,
    originalName: name,
    uploadedBy: session.userId,
  });
}

export function as(world: AccessWorld, session: Session | null) {
  return requestAs(world.platform, session);
}

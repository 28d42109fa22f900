import type { Fixture, Row } from './access-matrix.table.js';

const uuid0 = '00000000-0000-4000-8000-000000000000';
const ORGANISERS = ['platform_admin', 'organisation_admin'] as const;
const STAFF = [...ORGANISERS, 'accountant', 'dispatcher', 'executor', 'inspector'] as const;
// Who sees a meeting of the managed demo house: its organisation's staff, the inspection, the
// owner, the owner's representative, and the municipality that owns flats there.
const VIEWERS = [
  ...STAFF,
  'owner',
  'representative',
  'department_clerk',
  'department_head',
] as const;

let voting: Promise<string> | undefined;
let poll: Promise<string> | undefined;

/** A meeting of the managed house whose voting is open now (its register freezes on first use). */
function votingMeeting(f: Fixture): Promise<string> {
  voting ??= (async () => {
    const db = f.world.platform.ctx.db;
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO meetings (house_id, form, title, initiator_organisation_id,
         administrator_user_id, created_by_user_id, notice_on, voting_starts_on, voting_ends_on,
         paper_until_on, opens_at, closes_at, paper_closes_at, time_zone, catalogue_edition)
       SELECT p.house_id, 'electronic', 'Матрица', $2, u.id, u.id, CURRENT_DATE - 12,
         CURRENT_DATE - 2, CURRENT_DATE + 10, CURRENT_DATE + 10, now() - interval '2 days',
         now() + interval '10 days', now() + interval '10 days', 'Asia/Yekaterinburg', '2024-09-01'
       FROM premises p, users u WHERE p.id = $1 AND u.email = 'uk-admin@mpdom.test'
       RETURNING id`,
      [f.world.ownerFlat, f.world.orgs.managing],
    );

    await db.query(
      `INSERT INTO meeting_questions (meeting_id, position, title, decision_kind, majority)
       VALUES ($1, 1, 'Вопрос', 'other', 'majority_of_participants')`,
      [row!.id],
    );

    return row!.id;
  })();

  return voting;
}

let scanned: Promise<{ meetingId: string; ballotId: string }> | undefined;

/** A paper ballot with a scan in the voting meeting, for the scan endpoint. */
function scannedBallot(f: Fixture) {
  scanned ??= (async () => {
    const db = f.world.platform.ctx.db;
    const meetingId = await votingMeeting(f);
    const [entry] = await db.query<{ id: string }>(
      `INSERT INTO meeting_register_entries (meeting_id, premise_id, premise_number, premise_kind,
         area) SELECT $1, id, number, kind, area_total FROM premises WHERE id = $2 RETURNING id`,
      [meetingId, f.world.ownerFlat],
    );
    const [ballot] = await db.query<{ id: string }>(
      `INSERT INTO meeting_ballots (meeting_id, entry_id, channel, cast_as, cast_by_user_id,
         received_at, answers, scan_file_id, sequence, previous_hash, hash)
       SELECT $1, $2, 'paper', 'administrator', u.id, now(), '{}'::jsonb,
         (SELECT id FROM stored_files ORDER BY created_at LIMIT 1), 1, 'x', md5(random()::text)
       FROM users u WHERE u.email = 'uk-admin@mpdom.test' RETURNING id`,
      [meetingId, entry!.id],
    );

    return { meetingId, ballotId: ballot!.id };
  })();

  return scanned;
}

function managedHousePoll(f: Fixture): Promise<string> {
  poll ??= (async () => {
    const db = f.world.platform.ctx.db;
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO polls (house_id, organisation_id, created_by_user_id, question, options, closes_at)
       SELECT p.house_id, $2, u.id, 'Нужна ли парковка?', '["Да","Нет"]'::jsonb,
         now() + interval '10 days'
       FROM premises p, users u WHERE p.id = $1 AND u.email = 'uk-admin@mpdom.test'
       RETURNING id`,
      [f.world.ownerFlat, f.world.orgs.managing],
    );

    return row!.id;
  })();

  return poll;
}

async function houseOf(f: Fixture): Promise<string> {
  const [row] = await f.world.platform.ctx.db.query<{ houseId: string }>(
    'SELECT house_id AS "houseId" FROM premises WHERE id = $1',
    [f.world.ownerFlat],
  );

  return row!.houseId;
}

/** Rights of the meetings endpoints. */
export const MEETINGS_ROWS: Record<string, Row> = {
  'GET /api/v1/meetings/decision-kinds': {
    allow: 'public',
    call: () => ({ url: '/api/v1/meetings/decision-kinds?on=2026-01-15' }),
  },
  'POST /api/v1/meetings': {
    allow: ORGANISERS,
    // Passes the rights check, then is refused for voting that starts without the notice period.
    call: async (f) => ({
      url: '/api/v1/meetings',
      payload: {
        houseId: await houseOf(f),
        organisationId: f.world.orgs.managing,
        form: 'electronic',
        title: 'Матрица',
        votingStartsOn: new Date().toISOString().slice(0, 10),
        votingEndsOn: new Date(Date.now() + 8 * 86_400_000).toISOString().slice(0, 10),
        questions: [{ title: 'Вопрос', decisionKind: 'other' }],
      },
    }),
  },
  'GET /api/v1/meetings/mine': {
    allow: 'signed_in',
    call: () => ({ url: '/api/v1/meetings/mine' }),
  },
  'GET /api/v1/meetings/inspection': {
    allow: ['platform_admin', 'inspector'],
    call: () => ({ url: '/api/v1/meetings/inspection' }),
  },
  'GET /api/v1/organisations/:orgId/meetings': {
    allow: STAFF,
    call: (f) => ({ url: `/api/v1/organisations/${f.world.orgs.managing}/meetings` }),
  },
  'GET /api/v1/buildings/:houseId/meetings': {
    allow: 'public',
    call: async (f) => ({ url: `/api/v1/buildings/${await houseOf(f)}/meetings` }),
  },
  'GET /api/v1/meetings/:id': {
    allow: VIEWERS,
    deniedAs: 404,
    call: async (f) => ({ url: `/api/v1/meetings/${await votingMeeting(f)}` }),
  },
  'GET /api/v1/meetings/:id/register': {
    allow: ORGANISERS,
    deniedAs: 404,
    call: async (f) => ({ url: `/api/v1/meetings/${await votingMeeting(f)}/register` }),
  },
  'PUT /api/v1/meetings/demo-clock': {
    allow: ['platform_admin'],
    call: () => ({ url: '/api/v1/meetings/demo-clock', payload: { days: 0 } }),
  },
  'POST /api/v1/meetings/:id/ballots': {
    allow: VIEWERS,
    deniedAs: 404,
    // Allowed callers reach the register check: an entry outside it is `ballot_entry_unknown`.
    call: async (f) => ({
      url: `/api/v1/meetings/${await votingMeeting(f)}/ballots`,
      payload: { entryId: uuid0, answers: {} },
    }),
  },
  'POST /api/v1/meetings/:id/paper-ballots': {
    allow: ORGANISERS,
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/meetings/${await votingMeeting(f)}/paper-ballots`,
      payload: { entryId: uuid0, scanFileId: uuid0, answers: {} },
    }),
  },
  'GET /api/v1/meetings/:id/ballots/:ballotId/scan': {
    allow: ORGANISERS,
    deniedAs: 404,
    call: async (f) => {
      const { meetingId, ballotId } = await scannedBallot(f);

      return { url: `/api/v1/meetings/${meetingId}/ballots/${ballotId}/scan` };
    },
  },
  'GET /api/v1/meeting-receipts/:hash': {
    allow: 'public',
    call: () => ({ url: `/api/v1/meeting-receipts/${'a'.repeat(64)}` }),
  },
  'POST /api/v1/meetings/:id/protocol': {
    allow: ORGANISERS,
    deniedAs: 404,
    // Allowed callers are told the voting is still running.
    call: async (f) => ({
      url: `/api/v1/meetings/${await votingMeeting(f)}/protocol`,
      payload: { chair: 'uk-admin@mpdom.test', secretary: 'owner@mpdom.test' },
    }),
  },
  'GET /api/v1/meetings/:id/protocol/file': {
    allow: VIEWERS,
    deniedAs: 404,
    call: async (f) => ({ url: `/api/v1/meetings/${await votingMeeting(f)}/protocol/file` }),
  },
  'POST /api/v1/meetings/:id/signature-codes': {
    allow: VIEWERS,
    deniedAs: 404,
    call: async (f) => ({ url: `/api/v1/meetings/${await votingMeeting(f)}/signature-codes` }),
  },
  'POST /api/v1/meetings/:id/signatures': {
    allow: VIEWERS,
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/meetings/${await votingMeeting(f)}/signatures`,
      payload: { code: '123456' },
    }),
  },
  'POST /api/v1/polls': {
    allow: ORGANISERS,
    call: async (f) => ({
      url: '/api/v1/polls',
      payload: {
        houseId: await houseOf(f),
        organisationId: f.world.orgs.managing,
        question: 'Матрица?',
        options: ['Да', 'Нет'],
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    }),
  },
  'GET /api/v1/organisations/:orgId/polls': {
    allow: STAFF,
    call: (f) => ({ url: `/api/v1/organisations/${f.world.orgs.managing}/polls` }),
  },
  'GET /api/v1/polls/mine': { allow: 'signed_in', call: () => ({ url: '/api/v1/polls/mine' }) },
  'GET /api/v1/polls/:id': {
    allow: [...STAFF, 'owner', 'department_clerk', 'department_head'],
    deniedAs: 404,
    call: async (f) => ({ url: `/api/v1/polls/${await managedHousePoll(f)}` }),
  },
  'POST /api/v1/polls/:id/answers': {
    allow: [...STAFF, 'owner', 'department_clerk', 'department_head'],
    deniedAs: 404,
    call: async (f) => ({
      url: `/api/v1/polls/${await managedHousePoll(f)}/answers`,
      payload: { option: 0 },
    }),
  },
};

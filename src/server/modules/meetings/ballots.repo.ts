import type { Queryable } from '../../platform/db/database.js';

export type BallotRow = {
  id: string;
  meetingId: string;
  entryId: string;
  channel: 'electronic' | 'paper';
  castAs: string;
  castByUserId: string;
  powerOfAttorneyId: string | null;
  receivedAt: Date;
  answers: Record<string, ('for' | 'against' | 'abstain')[]>;
  scanFileId: string | null;
  sequence: number;
  previousHash: string;
  hash: string;
};

const COLUMNS = `id, meeting_id AS "meetingId", entry_id AS "entryId", channel, cast_as AS "castAs",
  cast_by_user_id AS "castByUserId", power_of_attorney_id AS "powerOfAttorneyId",
  received_at AS "receivedAt", answers, scan_file_id AS "scanFileId", sequence,
  previous_hash AS "previousHash", hash`;

export async function findBallots(db: Queryable, meetingId: string): Promise<BallotRow[]> {
  return db.query<BallotRow>(
    `SELECT ${COLUMNS} FROM meeting_ballots WHERE meeting_id = $1 ORDER BY sequence`,
    [meetingId],
  );
}

/** The chain's last link; call under the meeting's row lock so two ballots cannot share it. */
export async function findLastBallot(
  db: Queryable,
  meetingId: string,
): Promise<BallotRow | undefined> {
  const [row] = await db.query<BallotRow>(
    `SELECT ${COLUMNS} FROM meeting_ballots WHERE meeting_id = $1 ORDER BY sequence DESC LIMIT 1`,
    [meetingId],
  );

  return row;
}

export async function findBallotByHash(
  db: Queryable,
  hash: string,
): Promise<BallotRow | undefined> {
  const [row] = await db.query<BallotRow>(
    `SELECT ${COLUMNS} FROM meeting_ballots WHERE hash = $1`,
    [hash],
  );

  return row;
}

export async function insertBallot(tx: Queryable, b: Omit<BallotRow, 'id'>): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO meeting_ballots (meeting_id, entry_id, channel, cast_as, cast_by_user_id,
       power_of_attorney_id, received_at, answers, scan_file_id, sequence, previous_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12) RETURNING id`,
    [
      b.meetingId,
      b.entryId,
      b.channel,
      b.castAs,
      b.castByUserId,
      b.powerOfAttorneyId,
      b.receivedAt,
      JSON.stringify(b.answers),
      b.scanFileId,
      b.sequence,
      b.previousHash,
      b.hash,
    ],
  );

  return row!.id;
}

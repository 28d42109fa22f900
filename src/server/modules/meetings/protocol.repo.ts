import type { Queryable } from '../../platform/db/database.js';

export type ProtocolRow = {
  meetingId: string;
  number: string;
  form: string;
  fileId: string;
  sha256: string;
  drawnUpOn: string;
  signedAt: Date | null;
};

export async function findProtocol(
  db: Queryable,
  meetingId: string,
): Promise<ProtocolRow | undefined> {
  const [row] = await db.query<ProtocolRow>(
    `SELECT meeting_id AS "meetingId", number, form, file_id AS "fileId", sha256,
       to_char(drawn_up_on, 'YYYY-MM-DD') AS "drawnUpOn", signed_at AS "signedAt"
     FROM meeting_protocols WHERE meeting_id = $1`,
    [meetingId],
  );

  return row;
}

export async function insertProtocol(tx: Queryable, row: Omit<ProtocolRow, 'signedAt'>) {
  await tx.query(
    `INSERT INTO meeting_protocols (meeting_id, number, form, file_id, sha256, drawn_up_on)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [row.meetingId, row.number, row.form, row.fileId, row.sha256, row.drawnUpOn],
  );
}

/** Protocols of the house drawn up this year: 44/пр numbers them from one each year. */
export async function countProtocolsOfYear(tx: Queryable, houseId: string, year: string) {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM meeting_protocols p JOIN meetings m ON m.id = p.meeting_id
     WHERE m.house_id = $1 AND to_char(p.drawn_up_on, 'YYYY') = $2`,
    [houseId, year],
  );

  return row?.n ?? 0;
}

export async function insertSigner(
  tx: Queryable,
  s: { meetingId: string; role: string; userId: string },
) {
  await tx.query(
    `INSERT INTO meeting_signatures (meeting_id, role, user_id) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING`,
    [s.meetingId, s.role, s.userId],
  );
}

export async function findSigners(db: Queryable, meetingId: string) {
  return db.query<{
    role: string;
    userId: string;
    name: string;
    email: string | null;
    signedAt: Date | null;
    documentHash: string | null;
  }>(
    `SELECT s.role, s.user_id AS "userId", concat_ws(' ', p.surname, p.name, p.patronymic) AS name,
       u.email, s.signed_at AS "signedAt", s.document_hash AS "documentHash"
     FROM meeting_signatures s JOIN users u ON u.id = s.user_id JOIN persons p ON p.id = u.person_id
     WHERE s.meeting_id = $1
     ORDER BY CASE s.role WHEN 'chair' THEN 1 WHEN 'secretary' THEN 2 ELSE 3 END, name`,
    [meetingId],
  );
}

export async function markSigned(
  tx: Queryable,
  s: {
    meetingId: string;
    userId: string;
    documentHash: string;
    challengeId: string | null;
    at: Date;
  },
) {
  await tx.query(
    `UPDATE meeting_signatures SET signed_at = $5, document_hash = $3, challenge_id = $4
     WHERE meeting_id = $1 AND user_id = $2 AND signed_at IS NULL`,
    [s.meetingId, s.userId, s.documentHash, s.challengeId, s.at],
  );
}

export async function markProtocolSigned(tx: Queryable, meetingId: string, at: Date) {
  await tx.query('UPDATE meeting_protocols SET signed_at = $2 WHERE meeting_id = $1', [
    meetingId,
    at,
  ]);
  await tx.query(`UPDATE meetings SET status = 'signed' WHERE id = $1`, [meetingId]);
}

import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { getStoredFile, openStoredFile, storeUpload } from '../../platform/files/files.service.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { enqueueMessage } from '../../platform/outbox/outbox.service.js';
import { meetingFor, meetingToAdminister } from './meetings.access.js';
import { dateIn, meetingsClock } from './meetings.clock.js';
import { insertDispatch, type MeetingRow } from './meetings.repo.js';
import type { ProtocolInput } from './meetings.schema.js';
import { protocolData } from './protocol-data.js';
import { renderProtocol } from './protocol-pdf.js';
import {
  countProtocolsOfYear,
  findProtocol,
  findSigners,
  insertProtocol,
  insertSigner,
  markProtocolSigned,
} from './protocol.repo.js';

type Acting = { user: SignedInUser | null; requestId: string };

async function signerIds(tx: Queryable, input: ProtocolInput) {
  const wanted = [
    { role: 'chair', login: input.chair },
    { role: 'secretary', login: input.secretary },
    ...input.counters.map((login) => ({ role: 'counter', login })),
  ];
  const found: { role: string; userId: string; name: string }[] = [];

  for (const w of wanted) {
    const [user] = await tx.query<{ id: string; name: string }>(
      `SELECT u.id, concat_ws(' ', p.surname, p.name, p.patronymic) AS name
       FROM users u JOIN persons p ON p.id = u.person_id WHERE lower(u.email) = lower($1)`,
      [w.login],
    );

    if (!user) {
      throw new AppError('signer_unknown', {
        errors: [{ field: w.role, rule: 'user', message: `${w.login} is not a platform user` }],
      });
    }

    found.push({ role: w.role, userId: user.id, name: user.name });
  }

  return found;
}

/**
 * Draws up the protocol once the results are fixed: the PDF in the legal form for the meeting's
 * date, stored in the platform's files with its SHA-256, and the signers who must confirm it.
 */
export async function drawUpProtocol(
  ctx: AppContext,
  acting: Acting,
  meetingId: string,
  input: ProtocolInput,
) {
  const { meeting, user } = await meetingToAdminister(ctx, acting.user, meetingId);

  if (meeting.status !== 'counted' && meeting.status !== 'signed') {
    throw new AppError(
      meeting.status === 'voting' ? 'meeting_still_voting' : 'meeting_not_counted',
    );
  }

  if (await findProtocol(ctx.db, meetingId)) {
    throw new AppError('protocol_exists');
  }

  const now = meetingsClock.now();
  const drawnUpOn = dateIn(now, meeting.timeZone);
  const signers = await signerIds(ctx.db, input);
  const number = `${drawnUpOn.slice(0, 4)}/${
    (await countProtocolsOfYear(ctx.db, meeting.houseId, drawnUpOn.slice(0, 4))) + 1
  }`;
  const data = await protocolData(ctx, meeting, { number, drawnUpOn, signers, now, user });
  const pdf = await renderProtocol(data);
  const stored = await storeUpload(ctx, {
    body: pdf,
    originalName: `protocol-${number.replace('/', '-')}.pdf`,
    uploadedBy: user.id,
  });

  await ctx.db.transaction(async (tx) => {
    await insertProtocol(tx, {
      meetingId,
      number,
      form: data.form,
      fileId: stored.id,
      sha256: stored.sha256,
      drawnUpOn,
    });

    for (const s of signers) {
      await insertSigner(tx, { meetingId, role: s.role, userId: s.userId });
      await enqueueMessage(tx, {
        channel: 'in_app',
        recipient: s.userId,
        subject: `Подпишите протокол № ${number}`,
        body: `Протокол собрания «${meeting.title}» ждёт вашей подписи.`,
        metadata: { kind: 'meeting_protocol_sign', meetingId },
      });
    }

    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'meeting.protocol_drawn_up',
      objectType: 'meeting',
      objectId: meetingId,
      requestId: acting.requestId,
      after: { number, form: data.form, sha256: stored.sha256, chainHead: data.chainHead },
    });
  });

  return { number, form: data.form, sha256: stored.sha256 };
}

/** The protocol PDF, for anyone who may see the meeting. */
export async function openProtocol(ctx: AppContext, acting: Acting, meetingId: string) {
  await meetingFor(ctx, acting.user, meetingId);

  const protocol = await findProtocol(ctx.db, meetingId);

  if (!protocol) {
    throw new AppError('protocol_missing');
  }

  const file = await getStoredFile(ctx, protocol.fileId);

  return { file, stream: await openStoredFile(ctx, file) };
}

/**
 * When the last signer has signed: the protocol is complete, and it goes to the management
 * organisation and the housing inspection with the time of sending; their people are told.
 */
export async function completeIfSigned(tx: Queryable, meeting: MeetingRow, now: Date) {
  const signers = await findSigners(tx, meeting.id);

  if (signers.some((s) => !s.signedAt)) {
    return false;
  }

  await markProtocolSigned(tx, meeting.id, now);

  const [inspection] = await tx.query<{ id: string }>(
    `SELECT DISTINCT o.id, o.name FROM organisations o JOIN memberships m ON m.organisation_id = o.id
     WHERE m.role = 'inspector' ORDER BY o.name LIMIT 1`,
  );
  const recipients = [
    { kind: 'protocol_to_manager', organisationId: meeting.managerId },
    { kind: 'protocol_to_inspection', organisationId: inspection?.id ?? null },
  ];

  for (const r of recipients) {
    if (!r.organisationId) {
      continue;
    }

    const members = await tx.query<{ userId: string }>(
      'SELECT user_id AS "userId" FROM memberships WHERE organisation_id = $1',
      [r.organisationId],
    );

    for (const m of members) {
      await enqueueMessage(tx, {
        channel: 'in_app',
        recipient: m.userId,
        subject: `Протокол ОСС: ${meeting.houseAddress}`,
        body: `Поступил подписанный протокол собрания «${meeting.title}».`,
        metadata: { kind: r.kind, meetingId: meeting.id },
      });
    }

    await insertDispatch(tx, {
      meetingId: meeting.id,
      kind: r.kind,
      recipientOrganisationId: r.organisationId,
      messages: members.length,
      sentAt: now,
    });
  }

  return true;
}

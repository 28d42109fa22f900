import type { Queryable } from '../../platform/db/database.js';
import { enqueueMessage } from '../../platform/outbox/outbox.service.js';
import { findNoticeEmail } from './claim-premises.repo.js';
import { outcomeNotice, type NoticeSubject } from './claim-texts.js';

/**
 * Tells the owner how their claim went, in the app and by e-mail to their confirmed address.
 * Written in the caller's transaction: the notice exists exactly when the outcome was committed.
 */
export async function notifyOutcome(
  tx: Queryable,
  userId: string,
  claimId: string,
  subject: NoticeSubject & { status: 'confirmed' | 'conflict' | 'approved' | 'rejected' },
) {
  const text = outcomeNotice(subject);
  const metadata = { kind: 'property_claim', claimId, status: subject.status };
  const email = await findNoticeEmail(tx, userId);

  await enqueueMessage(tx, { channel: 'in_app', recipient: userId, ...text, metadata });

  if (email) {
    await enqueueMessage(tx, { channel: 'email', recipient: email, ...text, metadata });
  }
}

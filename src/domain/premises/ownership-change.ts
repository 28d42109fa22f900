import {
  compareShares,
  parseShare,
  sumShares,
  WHOLE,
  type Share,
  type ShareProblem,
} from '../shares/fraction.js';

/**
 * A change of owner: some current rights of a premise end and new ones start on the date the
 * transfer was registered, so the history stays (an ended right keeps its dates and reason) and
 * the live shares never add up to more than the whole premise.
 *
 * A right ends whole. When an owner sells part of their share, their right ends and a new, smaller
 * one starts for them beside the buyer's — the registry records it the same way.
 *
 * The ended right's `ended_on` is the change date, the same day the new right starts, as the
 * registry dates the termination of the seller's right by the buyer's registration. A right is
 * live while `ended_on` is empty.
 */

export const OWNERSHIP_CHANGE_REASONS = [
  'sale',
  'inheritance',
  'gift',
  'court',
  'privatisation',
  'correction',
] as const;

export type OwnershipChangeReason = (typeof OWNERSHIP_CHANGE_REASONS)[number];

/**
 * Transfers pass a right from one owner to another: something must end and something must start,
 * and what starts adds up to exactly what ended (shares do not appear or vanish in a sale). A court
 * decision and a correction of a wrong record may do either alone and change the total.
 */
const TRANSFERS: ReadonlySet<OwnershipChangeReason> = new Set([
  'sale',
  'inheritance',
  'gift',
  'privatisation',
]);

export function isTransfer(reason: OwnershipChangeReason): boolean {
  return TRANSFERS.has(reason);
}

export type LiveRight = { id: string; share: Share; startedOn: string | null };

export type ChangeRule =
  | 'future'
  | 'before_start'
  | 'not_live'
  | 'duplicate'
  | 'required'
  | 'empty'
  | 'transfer_mismatch'
  | 'exceeds_whole'
  | ShareProblem;

export type ChangeProblem = { field: string; rule: ChangeRule; message: string };

export type OwnershipChangeInput = {
  reason: OwnershipChangeReason;
  /** YYYY-MM-DD: the registration date of the change. */
  date: string;
  /** The premise's rights that are live now. */
  live: readonly LiveRight[];
  /** Ids of live rights that end. */
  ending: readonly string[];
  /**
   * The rights that start: the share as typed («1/2», «1», «50%») and, for an owner already
   * known, a key naming them (a person's or organisation's id), so no one is listed twice.
   */
  starting: readonly { share: string; holder?: string }[];
  /** Today in the house's time zone: a change cannot be registered in the future. */
  today: string;
};

export type OwnershipChangePlan = {
  /** The new rights' shares, reduced, in input order. */
  shares: Share[];
  ended: Share;
  started: Share;
  /** The live total once the change is made. */
  after: Share;
};

export type OwnershipChangeCheck =
  { ok: true; plan: OwnershipChangePlan } | { ok: false; problems: ChangeProblem[] };

const SHARE_MESSAGES: Record<ShareProblem, string> = {
  format: 'a share is a fraction like 1/2, a whole number 1, or a percent like 50%',
  zero: 'a share must be above zero',
  above_one: 'a share cannot be more than the whole premise',
  too_large: 'the denominator is too large',
};

/**
 * Checks a change against the premise's live rights and returns the plan or every problem, each
 * naming the field of the request it is about (`starting.1.share`, `ending.0`, `date`).
 */
export function checkOwnershipChange(input: OwnershipChangeInput): OwnershipChangeCheck {
  const problems: ChangeProblem[] = [];
  const add = (field: string, rule: ChangeRule, message: string) =>
    problems.push({ field, rule, message });

  if (input.date > input.today) {
    add('date', 'future', 'the change cannot be dated after today');
  }

  const live = new Map(input.live.map((right) => [right.id, right]));
  const ended: Share[] = [];
  const seen = new Set<string>();

  input.ending.forEach((id, index) => {
    const right = live.get(id);

    if (seen.has(id)) {
      add(`ending.${index}`, 'duplicate', 'this right is listed twice');

      return;
    }

    seen.add(id);

    if (!right) {
      add(`ending.${index}`, 'not_live', 'no such live right in this premise');

      return;
    }

    ended.push(right.share);

    if (right.startedOn && input.date < right.startedOn) {
      add(
        'date',
        'before_start',
        `the change is dated before the right began (${right.startedOn})`,
      );
    }
  });

  const shares: Share[] = [];
  const holders = new Set<string>();

  input.starting.forEach((right, index) => {
    const parsed = parseShare(right.share);

    if (right.holder !== undefined) {
      if (holders.has(right.holder)) {
        add(`starting.${index}`, 'duplicate', 'this owner is listed twice; give one right');
      }

      holders.add(right.holder);
    }

    if (parsed.ok) {
      shares.push(parsed.share);
    } else {
      add(`starting.${index}.share`, parsed.problem, SHARE_MESSAGES[parsed.problem]);
    }
  });

  if (input.ending.length === 0 && input.starting.length === 0) {
    add('starting', 'empty', 'the change neither ends nor starts any right');
  }

  if (isTransfer(input.reason)) {
    if (input.ending.length === 0) {
      add('ending', 'required', 'a transfer ends the rights of the previous owners');
    }

    if (input.starting.length === 0) {
      add('starting', 'required', 'a transfer starts the rights of the new owners');
    }
  }

  if (problems.length > 0) {
    return { ok: false, problems };
  }

  const endedTotal = sumShares(ended);
  const startedTotal = sumShares(shares);
  const remaining = input.live.filter((right) => !seen.has(right.id)).map((right) => right.share);
  const after = sumShares([...remaining, ...shares]);

  if (isTransfer(input.reason) && compareShares(endedTotal, startedTotal) !== 0) {
    add(
      'starting',
      'transfer_mismatch',
      'in a transfer the new shares add up to exactly the shares that end',
    );
  }

  if (compareShares(after, WHOLE) > 0) {
    add('starting', 'exceeds_whole', 'the live shares would add up to more than one');
  }

  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, plan: { shares, ended: endedTotal, started: startedTotal, after } };
}

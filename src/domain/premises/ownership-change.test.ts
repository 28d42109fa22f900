import { describe, expect, it } from 'vitest';

import {
  checkOwnershipChange,
  isTransfer,
  type LiveRight,
  type OwnershipChangeInput,
} from './ownership-change.js';

const whole: LiveRight = {
  id: 'a',
  share: { numerator: 1, denominator: 1 },
  startedOn: '2015-06-01',
};
const half = (id: string): LiveRight => ({
  id,
  share: { numerator: 1, denominator: 2 },
  startedOn: '2020-09-01',
});

const base = (over: Partial<OwnershipChangeInput>): OwnershipChangeInput => ({
  reason: 'sale',
  date: '2026-03-15',
  live: [whole],
  ending: ['a'],
  starting: [{ share: '1' }],
  today: '2026-06-01',
  ...over,
});

const rules = (input: OwnershipChangeInput) => {
  const result = checkOwnershipChange(input);

  return result.ok ? [] : result.problems.map((p) => `${p.field}:${p.rule}`);
};

describe('checkOwnershipChange', () => {
  it('should accept a sale of a whole flat to one buyer', () => {
    const result = checkOwnershipChange(base({}));

    expect(result).toEqual({
      ok: true,
      plan: {
        shares: [{ numerator: 1, denominator: 1 }],
        ended: { numerator: 1, denominator: 1 },
        started: { numerator: 1, denominator: 1 },
        after: { numerator: 1, denominator: 1 },
      },
    });
  });

  it('should accept an inheritance of a half split between two heirs', () => {
    const result = checkOwnershipChange(
      base({
        reason: 'inheritance',
        live: [half('a'), half('b')],
        ending: ['b'],
        starting: [{ share: '1/4' }, { share: '25%' }],
      }),
    );

    expect(result.ok && result.plan.after).toEqual({ numerator: 1, denominator: 1 });
  });

  it('should name the field of a share like 3/2, 0 or words', () => {
    expect(rules(base({ starting: [{ share: '3/2' }] }))).toEqual(['starting.0.share:above_one']);
    expect(rules(base({ starting: [{ share: '1/2' }, { share: '0' }] }))).toEqual([
      'starting.1.share:zero',
    ]);
    expect(rules(base({ starting: [{ share: 'половина' }] }))).toEqual(['starting.0.share:format']);
    expect(rules(base({ starting: [{ share: '1/0' }] }))).toEqual(['starting.0.share:format']);
  });

  it('should refuse a transfer whose new shares differ from what ends', () => {
    expect(rules(base({ starting: [{ share: '1/2' }] }))).toEqual(['starting:transfer_mismatch']);
  });

  it('should refuse live shares above one, even when the reason allows a new total', () => {
    expect(
      rules(
        base({
          reason: 'court',
          live: [half('a'), half('b')],
          ending: [],
          starting: [{ share: '1/3' }],
        }),
      ),
    ).toEqual(['starting:exceeds_whole']);
    // Exactly one is fine: thirds add up exactly, with no rounding.
    expect(
      rules(
        base({
          reason: 'correction',
          live: [],
          ending: [],
          starting: [{ share: '1/3' }, { share: '1/3' }, { share: '1/3' }],
        }),
      ),
    ).toEqual([]);
  });

  it('should let a court or a correction end a right without a successor', () => {
    expect(rules(base({ reason: 'court', starting: [] }))).toEqual([]);
    expect(rules(base({ reason: 'sale', starting: [] }))).toEqual(['starting:required']);
    expect(rules(base({ reason: 'privatisation', ending: [] }))).toEqual(['ending:required']);
  });

  it('should refuse rights that are not live in the premise, or listed twice', () => {
    expect(rules(base({ ending: ['zzz'] }))).toEqual(['ending.0:not_live']);
    expect(rules(base({ ending: ['a', 'a'] }))).toEqual(['ending.1:duplicate']);
  });

  it('should keep dates consistent: not in the future, not before the ended right began', () => {
    expect(rules(base({ date: '2026-06-02' }))).toEqual(['date:future']);
    expect(rules(base({ date: '2015-05-31' }))).toEqual(['date:before_start']);
    expect(rules(base({ date: '2015-06-01' }))).toEqual([]);
    expect(rules(base({ date: '2026-06-01' }))).toEqual([]);
  });

  it('should refuse the same owner listed twice among the new rights', () => {
    const twice = [
      { share: '1/2', holder: 'p1' },
      { share: '1/2', holder: 'p1' },
    ];

    expect(rules(base({ starting: twice }))).toEqual(['starting.1:duplicate']);
    expect(rules(base({ starting: [{ share: '1/2', holder: 'p1' }, { share: '1/2' }] }))).toEqual(
      [],
    );
  });

  it('should refuse a change that does nothing', () => {
    expect(rules(base({ reason: 'correction', ending: [], starting: [] }))).toEqual([
      'starting:empty',
    ]);
  });

  it('should tell transfers from other reasons', () => {
    expect(
      ['sale', 'inheritance', 'gift', 'privatisation'].every((r) => isTransfer(r as 'sale')),
    ).toBe(true);
    expect(isTransfer('court')).toBe(false);
    expect(isTransfer('correction')).toBe(false);
  });
});

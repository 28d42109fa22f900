import { describe, expect, it } from 'vitest';

import { availableActions, mayReopen, transition } from './status-machine.js';

describe('request status machine', () => {
  it('should walk the ordinary path', () => {
    expect(transition('new', 'accept', 'dispatch')).toEqual({ ok: true, to: 'accepted' });
    expect(transition('accepted', 'start', 'executor')).toEqual({ ok: true, to: 'in_progress' });
    expect(transition('in_progress', 'wait', 'executor', 'нет доступа')).toEqual({
      ok: true,
      to: 'waiting_resident',
    });
    expect(transition('waiting_resident', 'resume', 'executor')).toEqual({
      ok: true,
      to: 'in_progress',
    });
    expect(transition('in_progress', 'complete', 'executor')).toEqual({ ok: true, to: 'done' });
    expect(transition('done', 'reopen', 'requester', 'снова течёт')).toEqual({
      ok: true,
      to: 'reopened',
    });
  });

  it('should refuse changes out of order', () => {
    expect(transition('new', 'complete', 'dispatch')).toEqual({
      ok: false,
      reason: 'out_of_order',
    });
    expect(transition('done', 'reject', 'dispatch', 'x')).toEqual({
      ok: false,
      reason: 'out_of_order',
    });
    expect(transition('rejected', 'reopen', 'requester', 'x')).toEqual({
      ok: false,
      reason: 'out_of_order',
    });
  });

  it('should refuse an action to whom it does not belong', () => {
    expect(transition('new', 'accept', 'executor')).toEqual({ ok: false, reason: 'not_yours' });
    expect(transition('done', 'reopen', 'dispatch', 'x')).toEqual({
      ok: false,
      reason: 'not_yours',
    });
    expect(transition('in_progress', 'complete', 'requester')).toEqual({
      ok: false,
      reason: 'not_yours',
    });
  });

  it('should want a reason for a rejection, a wait and a reopening', () => {
    expect(transition('new', 'reject', 'dispatch', '  ')).toEqual({
      ok: false,
      reason: 'reason_required',
    });
    expect(transition('done', 'reopen', 'requester')).toEqual({
      ok: false,
      reason: 'reason_required',
    });
  });

  it('should list what each side may do', () => {
    expect(availableActions('new', 'dispatch')).toEqual(['accept', 'reject']);
    expect(availableActions('accepted', 'executor')).toEqual(['start', 'wait']);
    expect(availableActions('done', 'requester')).toEqual(['reopen']);
  });

  it('should allow reopening only within the period', () => {
    const done = new Date('2025-09-01T00:00:00Z');

    expect(mayReopen(done, new Date('2025-09-15T00:00:00Z'), 14)).toBe(true);
    expect(mayReopen(done, new Date('2025-09-15T00:00:01Z'), 14)).toBe(false);
    expect(mayReopen(null, done, 14)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';

import { rational } from '../../../domain/meetings/rational.js';
import { figure, statusOf } from './meetings.presenter.js';
import type { MeetingRow } from './meetings.repo.js';

const meeting = (status: MeetingRow['status']) =>
  ({
    status,
    opensAt: new Date('2026-03-10T19:00:00Z'),
    closesAt: new Date('2026-03-17T19:00:00Z'),
  }) as MeetingRow;

describe('meetings presenter', () => {
  it('should show the status the clock implies before the meeting is advanced', () => {
    expect(statusOf(meeting('announced'), new Date('2026-03-10T18:59:59Z'))).toBe('announced');
    expect(statusOf(meeting('announced'), new Date('2026-03-10T19:00:00Z'))).toBe('voting');
    expect(statusOf(meeting('voting'), new Date('2026-03-17T19:00:00Z'))).toBe('closed');
    expect(statusOf(meeting('counted'), new Date('2026-04-01T00:00:00Z'))).toBe('counted');
  });

  it('should give each figure exactly and rounded for display, as a share of its base', () => {
    expect(figure(rational(1353, 20), rational(206))).toEqual({
      exact: '1353/20',
      m2: '67.65',
      percent: '32.84',
    });
  });
});

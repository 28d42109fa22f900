import { describe, expect, it } from 'vitest';

import { decisionKindOn, editionOn, protocolFormFor } from './catalogue.js';

describe('the catalogue of decision kinds by date', () => {
  it('should offer items 1.3 and 3.8 only from 01.09.2024', () => {
    expect(decisionKindOn('p1_3', '2024-08-31')).toBeNull();
    expect(decisionKindOn('p1_3', '2024-09-01')?.kind.majority).toBe('two_thirds_of_all');
    expect(decisionKindOn('p3_8', '2026-01-15')?.kind.majority).toBe('two_thirds_of_all');
  });

  it('should give each item its majority from the law', () => {
    expect(decisionKindOn('p4', '2026-01-15')?.kind.majority).toBe('more_than_half_of_all');
    expect(decisionKindOn('p1_1', '2026-01-15')?.kind.majority).toBe('more_than_half_of_all');
    expect(decisionKindOn('p1_1_1', '2026-01-15')?.kind.majority).toBe('two_thirds_of_all');
    expect(decisionKindOn('other', '2026-01-15')?.kind.majority).toBe('majority_of_participants');
    expect(decisionKindOn('common_property_reduction', '2026-01-15')?.kind.majority).toBe(
      'unanimous',
    );
  });

  it('should have no edition before the earliest one carried', () => {
    expect(editionOn('2021-12-31')).toBeNull();
    expect(editionOn('2023-05-01')?.effectiveFrom).toBe('2022-01-01');
  });

  it('should choose the protocol form by the meeting date: 266/пр from 01.09.2025', () => {
    expect(protocolFormFor('2025-08-31')).toBe('44/пр');
    expect(protocolFormFor('2025-09-01')).toBe('266/пр');
  });
});

import { describe, expect, it } from 'vitest';

import { ACTIONS, isGranted, parseAssuranceOverrides, requiredLevel } from './actions.js';
import { howToReach, maskPassport, maskSnils, meetsLevel, missingSteps } from './assurance.js';
import { isInForce, oneYearAfter, termProblem } from './powers-of-attorney.js';

describe('assurance levels', () => {
  it('should order basic < standard < verified', () => {
    expect(meetsLevel('verified', 'standard')).toBe(true);
    expect(meetsLevel('standard', 'standard')).toBe(true);
    expect(meetsLevel('basic', 'standard')).toBe(false);
    expect(meetsLevel('standard', 'verified')).toBe(false);
  });

  it('should list the missing steps in order', () => {
    expect(missingSteps('basic')).toEqual(['identity_documents', 'verification']);
    expect(missingSteps('standard')).toEqual(['verification']);
    expect(missingSteps('verified')).toEqual([]);
    expect(missingSteps('basic', 'standard')).toEqual(['identity_documents']);
  });

  it('should explain what is missing in both languages', () => {
    const text = howToReach('basic', 'verified');

    expect(text.ru).toContain('паспорт и СНИЛС');
    expect(text.ru).toContain('скан паспорта');
    expect(text.en).toContain('passport scan');
    expect(howToReach('standard', 'verified').ru).not.toContain('СНИЛС в профиле');
  });

  it('should mask personal data to the last digits', () => {
    expect(maskPassport('6512123456')).toBe('•••• 123456');
    expect(maskSnils('11223344595')).toBe('•••-•••-445 95');
  });
});

describe('action catalogue', () => {
  it('should apply overrides and refuse unknown actions or levels', () => {
    const parsed = parseAssuranceOverrides(' poa.create = standard , verification.request=basic');

    expect(parsed).toEqual({
      ok: true,
      overrides: { 'poa.create': 'standard', 'verification.request': 'basic' },
    });
    expect(requiredLevel('poa.create')).toBe('verified');
    expect(parsed.ok && requiredLevel('poa.create', parsed.overrides)).toBe('standard');

    const bad = parseAssuranceOverrides('poa.create=gold,nothing.here=basic');

    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems).toHaveLength(2);
  });

  it('should grant by effective roles, by roles held anywhere, or to anyone signed in', () => {
    const none = new Set<string>();

    expect(isGranted('premise.read_rights', { signedIn: true, effective: none, held: none })).toBe(
      false,
    );
    expect(
      isGranted('premise.read_rights', {
        signedIn: true,
        effective: none,
        held: new Set(['inspector']),
      }),
    ).toBe(true);
    expect(
      isGranted('employees.invite', {
        signedIn: true,
        effective: none,
        held: new Set(['organisation_admin']),
      }),
    ).toBe(false);
    expect(isGranted('profile.read', { signedIn: true, effective: none, held: none })).toBe(true);
    expect(isGranted('profile.read', { signedIn: false, effective: none, held: none })).toBe(false);
  });

  it('should give every action a scope and a level', () => {
    for (const rule of Object.values(ACTIONS)) {
      expect(['none', 'organisation', 'premise']).toContain(rule.scope);
      expect(['basic', 'standard', 'verified']).toContain(rule.level);
    }
  });
});

describe('powers of attorney', () => {
  it('should be in force only inside the period and until revoked', () => {
    const term = { validFrom: '2026-01-01', validUntil: '2026-06-30', revokedAt: null };

    expect(isInForce(term, '2025-12-31')).toBe(false);
    expect(isInForce(term, '2026-01-01')).toBe(true);
    expect(isInForce(term, '2026-06-30')).toBe(true);
    expect(isInForce(term, '2026-07-01')).toBe(false);
    expect(isInForce({ ...term, revokedAt: new Date() }, '2026-03-01')).toBe(false);
  });

  it('should default to one year and refuse an inverted period', () => {
    expect(oneYearAfter('2026-03-15')).toBe('2027-03-15');
    expect(oneYearAfter('2024-02-29')).toBe('2025-02-28');
    expect(termProblem('2026-05-01', '2026-04-30')).not.toBeNull();
    expect(termProblem('2026-05-01', '2026-05-01')).toBeNull();
  });
});

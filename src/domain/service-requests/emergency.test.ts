import { describe, expect, it } from 'vitest';

import { evaluateAnswers, checkScript } from './assistant.js';
import { DEFAULT_SCRIPTS } from './default-scripts.js';
import { recognizeEmergency } from './emergency.js';
import { descriptionKey, judgeIntake, median } from './intake.js';

describe('emergency recognition', () => {
  it.each([
    ['В подъезде сильно пахнет газом', ['gas']],
    ['Соседи сверху затопили, течёт с потолка', ['flooding']],
    ['Топит соседей сверху, вода льётся с потолка', ['flooding']],
    ['Нас топят сверху', ['flooding']],
    ['С потолка в ванной капает всё сильнее', ['flooding']],
    ['Из-под раковины вода хлещет фонтаном', ['flooding']],
    ['Застряли в лифте двое, 3 подъезд', ['lift_people']],
    ['Нет отопления, на улице мороз', ['no_heating_frost']],
    ['Искрит розетка на кухне', ['sparking']],
  ])('%s', (text, expected) => {
    expect(recognizeEmergency(text)).toEqual(expected);
  });

  it('should not call every heating complaint an emergency', () => {
    expect(recognizeEmergency('Нет отопления в комнате')).toEqual([]);
    expect(recognizeEmergency('Нет отопления в комнате', { frost: true })).toEqual([
      'no_heating_frost',
    ]);
    expect(recognizeEmergency('Капает кран в ванной')).toEqual([]);
    // «Не топят» is about heating, not water.
    expect(recognizeEmergency('Не топят батареи уже неделю')).toEqual([]);
  });
});

describe('assistant scripts', () => {
  it('should ship default scripts without structural problems', () => {
    for (const script of Object.values(DEFAULT_SCRIPTS)) {
      expect(checkScript(script)).toEqual([]);
    }
  });

  it('should find loops and unknown questions', () => {
    const looped = structuredClone(DEFAULT_SCRIPTS.plumbing);

    looped.questions[1]!.options[0]!.next = 'what';
    expect(checkScript(looped)).toEqual(['the questions lead back to a question already asked']);
    looped.questions[1]!.options[0]!.next = 'nowhere';
    expect(checkScript(looped)[0]).toContain('unknown "nowhere"');
  });

  it('should replay answers along the path only', () => {
    const heating = evaluateAnswers(DEFAULT_SCRIPTS.heating, { what: 'none', frost: 'yes' });

    expect(heating.emergency).toEqual(['no_heating_frost']);
    expect(heating.transcript).toHaveLength(2);

    // The frost answer is ignored when the path never asked it.
    const one = evaluateAnswers(DEFAULT_SCRIPTS.heating, { what: 'one', frost: 'yes' });

    expect(one.emergency).toEqual([]);
    expect(one.selfHelp).toHaveLength(1);
    expect(evaluateAnswers(DEFAULT_SCRIPTS.plumbing, { what: 'blockage' }).blockage).toBe('sewer');
  });
});

describe('intake guards (C24)', () => {
  const now = new Date('2025-09-15T10:00:00Z');

  it('should compare descriptions without case, punctuation or ё', () => {
    expect(descriptionKey('Течёт кран!!  В ванной.')).toBe(descriptionKey('течет кран в ванной'));
  });

  it('should return the first request for a repeat within minutes', () => {
    const earlier = [{ id: 'a', createdAt: new Date('2025-09-15T09:58:00Z') }];

    expect(judgeIntake(earlier, now, { dailyLimit: 3, lifted: false })).toEqual({
      ok: false,
      reason: 'duplicate',
      existingId: 'a',
    });
  });

  it('should refuse request N+1 of a day unless the limit is lifted', () => {
    const three = [1, 2, 3].map((h) => ({
      id: `r${h}`,
      createdAt: new Date(now.getTime() - h * 3600_000),
    }));

    expect(judgeIntake(three.slice(0, 2), now, { dailyLimit: 3, lifted: false })).toEqual({
      ok: true,
    });
    expect(judgeIntake(three, now, { dailyLimit: 3, lifted: false })).toEqual({
      ok: false,
      reason: 'daily_limit',
      limit: 3,
    });
    expect(judgeIntake(three, now, { dailyLimit: 3, lifted: true })).toEqual({ ok: true });
  });

  it('should take the median', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

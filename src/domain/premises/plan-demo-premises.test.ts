import { describe, expect, it } from 'vitest';

import { seededRandom } from '../demo/synthetic-people.js';
import { planDemoPremises } from './plan-demo-premises.js';

// Малышева, 15 as the registry has it: 54 flats of 4970.80 m², 6 other premises of 1606.80 m².
const MALYSHEVA_15 = {
  residentialCenti: 497080,
  residentialCount: 54,
  nonResidentialCenti: 160680,
  nonResidentialCount: 6,
  entrances: 3,
  floors: 9,
};

describe('planDemoPremises', () => {
  it('should make flats add up to the residential area exactly', () => {
    const plan = planDemoPremises(MALYSHEVA_15, seededRandom(1));
    const flats = plan.filter((p) => p.kind === 'flat');
    const other = plan.filter((p) => p.kind === 'non_residential');

    expect(flats).toHaveLength(54);
    expect(flats.reduce((s, p) => s + p.areaTotalCenti, 0)).toBe(497080);
    expect(other).toHaveLength(6);
    expect(other.reduce((s, p) => s + p.areaTotalCenti, 0)).toBe(160680);
  });

  it('should place flats inside the house: entrances and floors within bounds', () => {
    const plan = planDemoPremises(MALYSHEVA_15, seededRandom(2));

    for (const premise of plan) {
      expect(premise.floor).toBeGreaterThanOrEqual(1);
      expect(premise.floor).toBeLessThanOrEqual(9);

      if (premise.entrance !== null) {
        expect(premise.entrance).toBeLessThanOrEqual(3);
      }
    }

    expect(new Set(plan.map((p) => p.number)).size).toBe(plan.length);
    expect(new Set(plan.filter((p) => p.kind === 'flat').map((p) => p.entrance))).toEqual(
      new Set([1, 2, 3]),
    );
  });

  it('should be reproducible for the same seed', () => {
    expect(planDemoPremises(MALYSHEVA_15, seededRandom(7))).toEqual(
      planDemoPremises(MALYSHEVA_15, seededRandom(7)),
    );
  });

  it('should skip non-residential premises when their area is unknown', () => {
    const plan = planDemoPremises({ ...MALYSHEVA_15, nonResidentialCenti: 0 }, seededRandom(3));

    expect(plan.every((p) => p.kind === 'flat')).toBe(true);
  });
});

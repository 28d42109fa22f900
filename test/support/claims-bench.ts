import { createAccessWorld, requestAs, type AccessWorld, type Session } from './access-world.js';
import { uploadScan } from './property-claims.js';

export type ClaimsBench = {
  world: AccessWorld;
  owner: Session;
  resident: Session;
  /** The house of the demo owner's whole flat, managed by the demo management company. */
  houseId: string;
  houseAddress: string;
  ownerScan: string;
  residentScan: string;
};

/**
 * The access world (the demo on two test houses) made ready for claims: the demo owner and
 * resident at the standard identity level, each with an uploaded scan to attach.
 */
export async function openClaimsBench(): Promise<ClaimsBench> {
  const world = await createAccessWorld();
  const owner = await world.openSession('owner@mpdom.test');
  const resident = await world.openSession('resident@mpdom.test');

  await world.setLevel(owner.userId, 'standard');
  await world.setLevel(resident.userId, 'standard');

  const [house] = await world.platform.ctx.db.query<{ id: string; address: string }>(
    `SELECT h.id, h.address FROM premises p JOIN houses h ON h.id = p.house_id WHERE p.id = $1`,
    [world.ownerFlat],
  );

  return {
    world,
    owner,
    resident,
    houseId: house!.id,
    houseAddress: house!.address,
    ownerScan: await uploadScan(world.platform.app, owner),
    residentScan: await uploadScan(world.platform.app, resident),
  };
}

/** POST /api/v1/property-claims as `session` (or anonymously). */
export function postClaim(bench: ClaimsBench, session: Session | null, payload: unknown) {
  return requestAs(bench.world.platform, session)('POST', '/api/v1/property-claims', payload);
}

/** A storage-room claim by the demo owner in her house, with her scan; override any field. */
export function claimBody(bench: ClaimsBench, overrides: Record<string, unknown> = {}) {
  return {
    houseId: bench.houseId,
    premiseNumber: 'К-1',
    premiseKind: 'storage',
    cadastralNumber: '66:41:0799001:1',
    area: '4,2',
    share: '1',
    titleKind: 'sale_contract',
    titleNumber: '66/001-2020',
    titleDate: '2020-03-01',
    fileIds: [bench.ownerScan],
    ...overrides,
  };
}

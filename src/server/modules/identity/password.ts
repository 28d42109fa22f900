import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (memory 19 MiB, 2 passes): ~20 ms here, slow enough to
// make offline guessing expensive, fast enough for sign-in.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A hash of a random string, verified when the login is unknown so that a missing account costs
// the same time as a wrong password and timing reveals nothing.
let decoy: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | undefined, password: string) {
  if (!passwordHash) {
    decoy ??= hash(crypto.randomUUID());
    await verify(await decoy, password);

    return false;
  }

  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

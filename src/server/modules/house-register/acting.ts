import type { SignedInUser } from '../../platform/http/auth-types.js';

/** Who acts in a request, as the register's services take it. */
export type Acting = { user: SignedInUser | null; requestId: string };

/** The acting user once `authorize` has let them through. */
export function actor(acting: Acting): SignedInUser {
  if (!acting.user) {
    throw new Error('actor() called before authorize()');
  }

  return acting.user;
}

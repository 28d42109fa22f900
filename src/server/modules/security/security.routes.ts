import type { FastifyInstance } from 'fastify';

import type { AppContext } from '../../platform/context.js';
import { devicesRoutes } from './devices.routes.js';
import { passkeysRoutes } from './passkeys.routes.js';
import { totpRoutes } from './totp.routes.js';

/**
 * Security settings of a person: sessions and devices, password change, the authenticator app
 * and passkeys, with the sign-in steps they add. Registered after the sessions module, whose
 * hook resolves the signed-in user and whose rate limiter these routes use.
 */
export function securityRoutes(api: FastifyInstance, ctx: AppContext) {
  devicesRoutes(api, ctx);
  totpRoutes(api, ctx);
  passkeysRoutes(api, ctx);
}

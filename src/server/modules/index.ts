import type { ApiModule } from '../platform/http/app.js';
import { demoRoutes } from './demo/demo.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { sessionsRoutes } from './identity/sessions.routes.js';

/** Every API module, in registration order. Each mounts its own routes under `/api`. */
// The sessions module goes first: its hook resolves `request.user` for every later module.
export const apiModules: ApiModule[] = [sessionsRoutes, healthRoutes, demoRoutes];

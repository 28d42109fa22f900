import type { ApiModule } from '../platform/http/app.js';
import { healthRoutes } from './health/health.routes.js';

/** Every API module, in registration order. Each mounts its own routes under `/api`. */
export const apiModules: ApiModule[] = [healthRoutes];

import { auditRoutes } from '../platform/audit/audit.routes.js';
import { filesRoutes } from '../platform/files/files.routes.js';
import type { ApiModule } from '../platform/http/app.js';
import { accessRoutes } from './access/access.routes.js';
import { accountsRoutes } from './accounts/accounts.routes.js';
import { noticesRoutes } from './accounts/notices.routes.js';
import { buildingsRoutes } from './buildings/buildings.routes.js';
import { demoRoutes } from './demo/demo.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { sessionsRoutes } from './identity/sessions.routes.js';
import { organisationsRoutes } from './organisations/organisations.routes.js';
import { securityRoutes } from './security/security.routes.js';
import { houseRegisterRoutes } from './house-register/house-register.routes.js';
import { myPremisesRoutes } from './my-premises/my-premises.routes.js';
import { premisesImportRoutes } from './premises-import/premises-import.routes.js';
import { propertyClaimsRoutes } from './property-claims/property-claims.routes.js';
import { registryRoutes } from './registry/registry.routes.js';
import { metersRoutes } from './meters/meters.routes.js';
import { billingRoutes } from './billing/billing.routes.js';
import { serviceRequestsRoutes } from './service-requests/service-requests.routes.js';
import { meetingsRoutes } from './meetings/meetings.routes.js';
import { documentsRoutes } from './documents/documents.routes.js';

/** Every API module, in registration order. Each mounts its own routes under `/api`. */
// The sessions module goes first: its hook resolves `request.user` for every later module.
export const apiModules: ApiModule[] = [
  sessionsRoutes,
  accountsRoutes,
  noticesRoutes,
  healthRoutes,
  demoRoutes,
  buildingsRoutes,
  organisationsRoutes,
  securityRoutes,
  auditRoutes,
  accessRoutes,
  filesRoutes,
  registryRoutes,
  propertyClaimsRoutes,
  houseRegisterRoutes,
  premisesImportRoutes,
  myPremisesRoutes,
  metersRoutes,
  billingRoutes,
  serviceRequestsRoutes,
  meetingsRoutes,
  documentsRoutes,
];

import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';

import { RequireSignIn } from '../session/RequireSignIn.js';

// Premises, ownership claims, the house register and accounts (issue 4), each loaded on first visit.
const MyPremisesPage = lazy(() =>
  import('../routes/my-premises/MyPremisesPage.js').then((m) => ({ default: m.MyPremisesPage })),
);
const AddPropertyPage = lazy(() =>
  import('../routes/property-claims/AddPropertyPage.js').then((m) => ({
    default: m.AddPropertyPage,
  })),
);
const ClaimQueuePage = lazy(() =>
  import('../routes/property-claims/ClaimQueuePage.js').then((m) => ({
    default: m.ClaimQueuePage,
  })),
);
const OrgHousesPage = lazy(() =>
  import('../routes/house-register/OrgHousesPage.js').then((m) => ({ default: m.OrgHousesPage })),
);
const HouseRegisterPage = lazy(() =>
  import('../routes/house-register/HouseRegisterPage.js').then((m) => ({
    default: m.HouseRegisterPage,
  })),
);
const AccountsPage = lazy(() =>
  import('../routes/house-register/AccountsPage.js').then((m) => ({ default: m.AccountsPage })),
);
const PremisesImportPage = lazy(() =>
  import('../routes/premises-import/PremisesImportPage.js').then((m) => ({
    default: m.PremisesImportPage,
  })),
);
const RegistryPage = lazy(() =>
  import('../routes/registry/RegistryPage.js').then((m) => ({ default: m.RegistryPage })),
);

const PAGES: [string, ReactNode][] = [
  ['owner/properties', <MyPremisesPage />],
  ['owner/properties/add', <AddPropertyPage />],
  ['org/claims', <ClaimQueuePage />],
  ['org/houses', <OrgHousesPage />],
  ['org/houses/:id', <HouseRegisterPage />],
  ['org/accounts', <AccountsPage />],
  ['org/import', <PremisesImportPage />],
  ['operator/registry', <RegistryPage />],
];

/** The routes of signed-in pages for premises and ownership, to place inside the app layout. */
export function premisesRoutes() {
  return PAGES.map(([path, page]) => (
    <Route key={path} path={path} element={<RequireSignIn>{page}</RequireSignIn>} />
  ));
}

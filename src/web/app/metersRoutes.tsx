import type { ReactNode } from 'react';
import { Route } from 'react-router';

import { MetersPage } from '../routes/meters/MetersPage.js';
import { OrgMetersPage } from '../routes/meters/OrgMetersPage.js';
import { RequireSignIn } from '../session/RequireSignIn.js';

const PAGES: [string, ReactNode][] = [
  ['/owner/meters', <MetersPage key="owner" />],
  ['/org/meters', <OrgMetersPage key="org" />],
];

/** The signed-in pages of the meters area, to place inside the app layout. */
export function metersRoutes() {
  return PAGES.map(([path, page]) => (
    <Route key={path} path={path} element={<RequireSignIn>{page}</RequireSignIn>} />
  ));
}

import type { ReactNode } from 'react';
import { lazy } from 'react';
import { Route } from 'react-router';

import { RequireSignIn } from '../session/RequireSignIn.js';

const OwnerDocumentsPage = lazy(() =>
  import('../routes/documents/OwnerDocumentsPage.js').then((m) => ({
    default: m.OwnerDocumentsPage,
  })),
);
const OrgDocumentsPage = lazy(() =>
  import('../routes/documents/OrgDocumentsPage.js').then((m) => ({ default: m.OrgDocumentsPage })),
);

/** The public certificate verification page (outside sign-in: the QR code leads anyone here). */
export const VerifyPage = lazy(() =>
  import('../routes/documents/VerifyPage.js').then((m) => ({ default: m.VerifyPage })),
);

const PAGES: [string, ReactNode][] = [
  ['owner/documents', <OwnerDocumentsPage key="owner" />],
  ['org/documents', <OrgDocumentsPage key="org" />],
];

/** The signed-in pages of the documents area, to place inside the app layout. */
export function documentsRoutes() {
  return PAGES.map(([path, page]) => (
    <Route key={path} path={path} element={<RequireSignIn>{page}</RequireSignIn>} />
  ));
}

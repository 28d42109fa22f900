import type { ReactNode } from 'react';
import { lazy } from 'react';
import { Route } from 'react-router';

import { RequireSignIn } from '../session/RequireSignIn.js';

const OwnerMeetingsPage = lazy(() =>
  import('../routes/meetings/MeetingsPages.js').then((m) => ({ default: m.OwnerMeetingsPage })),
);
const OrgMeetingsPage = lazy(() =>
  import('../routes/meetings/MeetingsPages.js').then((m) => ({ default: m.OrgMeetingsPage })),
);
const InspectionProtocolsPage = lazy(() =>
  import('../routes/meetings/MeetingsPages.js').then((m) => ({
    default: m.InspectionProtocolsPage,
  })),
);
const MeetingPage = lazy(() =>
  import('../routes/meetings/MeetingPage.js').then((m) => ({ default: m.MeetingPage })),
);

const PAGES: [string, ReactNode][] = [
  ['owner/meetings', <OwnerMeetingsPage key="owner" />],
  ['org/meetings', <OrgMeetingsPage key="org" />],
  ['authority/protocols', <InspectionProtocolsPage key="inspection" />],
  ['meetings/:id', <MeetingPage key="meeting" />],
];

/** The signed-in pages of the meetings area, to place inside the app layout. */
export function meetingsRoutes() {
  return PAGES.map(([path, page]) => (
    <Route key={path} path={path} element={<RequireSignIn>{page}</RequireSignIn>} />
  ));
}

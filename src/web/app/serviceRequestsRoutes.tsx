import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';

import { RequireSignIn } from '../session/RequireSignIn.js';

// Service requests, dispatch, planned works and analytics (issue 7), each loaded on first visit.
const page = <K extends string>(load: () => Promise<Record<K, () => ReactNode>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const MyRequestsPage = page(
  () => import('../routes/service-requests/MyRequestsPage.js'),
  'MyRequestsPage',
);
const NewRequestPage = page(
  () => import('../routes/service-requests/NewRequestPage.js'),
  'NewRequestPage',
);
const RequestPage = page(() => import('../routes/service-requests/RequestPage.js'), 'RequestPage');
const QueuePage = page(() => import('../routes/service-requests/QueuePage.js'), 'QueuePage');
const PlannedWorksPage = page(
  () => import('../routes/service-requests/PlannedWorksPage.js'),
  'PlannedWorksPage',
);
const AnalyticsPage = page(
  () => import('../routes/service-requests/AnalyticsPage.js'),
  'AnalyticsPage',
);
const AssistantEditorPage = page(
  () => import('../routes/service-requests/AssistantEditorPage.js'),
  'AssistantEditorPage',
);

const PAGES: [string, ReactNode][] = [
  ['owner/requests', <MyRequestsPage />],
  ['owner/requests/new', <NewRequestPage />],
  ['requests/:id', <RequestPage />],
  ['org/requests', <QueuePage />],
  ['org/requests/planned-works', <PlannedWorksPage />],
  ['org/requests/analytics', <AnalyticsPage />],
  ['org/requests/assistant', <AssistantEditorPage />],
];

/** The signed-in pages of the service-requests area, to place inside the app layout. */
export function serviceRequestsRoutes() {
  return PAGES.map(([path, element]) => (
    <Route key={path} path={path} element={<RequireSignIn>{element}</RequireSignIn>} />
  ));
}

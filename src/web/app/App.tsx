import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';

import { HomePage } from '../routes/home/HomePage.js';
import { NotFoundPage } from '../routes/NotFoundPage.js';
import { ComingSectionPage } from '../routes/sections/ComingSectionPage.js';
import { AppLayout } from './layout/AppLayout.js';
import { RequireSignIn } from '../session/RequireSignIn.js';
import { ALL_SECTIONS } from './navigation.js';
import { premisesRoutes } from './premisesRoutes.js';
import { metersRoutes } from './metersRoutes.js';
import { billingRoutes } from './billingRoutes.js';
import { serviceRequestsRoutes } from './serviceRequestsRoutes.js';
import { meetingsRoutes } from './meetingsRoutes.js';
import { documentsRoutes, VerifyPage } from './documentsRoutes.js';
import { createQueryClient } from './queryClient.js';
import { cssVariablesResolver, theme } from './theme.js';

// Pages beyond the start page load on first visit, so the first screen needs less script.
const HouseSearchPage = lazy(() =>
  import('../routes/houses/HouseSearchPage.js').then((m) => ({ default: m.HouseSearchPage })),
);
const HousePage = lazy(() =>
  import('../routes/houses/HousePage.js').then((m) => ({ default: m.HousePage })),
);
const OrganisationPage = lazy(() =>
  import('../routes/organisations/OrganisationPage.js').then((m) => ({
    default: m.OrganisationPage,
  })),
);
const SignInPage = lazy(() =>
  import('../routes/signin/SignInPage.js').then((m) => ({ default: m.SignInPage })),
);
const RegisterPage = lazy(() =>
  import('../routes/register/RegisterPage.js').then((m) => ({ default: m.RegisterPage })),
);
const RecoveryPage = lazy(() =>
  import('../routes/recovery/RecoveryPage.js').then((m) => ({ default: m.RecoveryPage })),
);
const ProfilePage = lazy(() =>
  import('../routes/profile/ProfilePage.js').then((m) => ({ default: m.ProfilePage })),
);
const VerificationQueuePage = lazy(() =>
  import('../routes/operator/VerificationQueuePage.js').then((m) => ({
    default: m.VerificationQueuePage,
  })),
);
const OutboxPage = lazy(() =>
  import('../routes/operator/OutboxPage.js').then((m) => ({ default: m.OutboxPage })),
);
const EmployeesPage = lazy(() =>
  import('../routes/staff/EmployeesPage.js').then((m) => ({ default: m.EmployeesPage })),
);
const InvitationPage = lazy(() =>
  import('../routes/staff/InvitationPage.js').then((m) => ({ default: m.InvitationPage })),
);
const PowersOfAttorneyPage = lazy(() =>
  import('../routes/powers/PowersOfAttorneyPage.js').then((m) => ({
    default: m.PowersOfAttorneyPage,
  })),
);
const JournalPage = lazy(() =>
  import('../routes/journal/JournalPage.js').then((m) => ({ default: m.JournalPage })),
);

export function App() {
  const [queryClient] = useState(createQueryClient);

  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes>
            <Route element={<AppLayout />}>
              <Route index element={<HomePage />} />
              <Route path="houses" element={<HouseSearchPage />} />
              <Route path="houses/:id" element={<HousePage />} />
              <Route path="verify/:token" element={<VerifyPage />} />
              <Route path="organisations/:id" element={<OrganisationPage />} />
              <Route path="signin" element={<SignInPage />} />
              <Route path="register" element={<RegisterPage />} />
              <Route path="recovery" element={<RecoveryPage />} />
              <Route
                path="profile"
                element={
                  <RequireSignIn>
                    <ProfilePage />
                  </RequireSignIn>
                }
              />
              <Route
                path="operator/verifications"
                element={
                  <RequireSignIn>
                    <VerificationQueuePage />
                  </RequireSignIn>
                }
              />
              <Route
                path="operator/outbox"
                element={
                  <RequireSignIn>
                    <OutboxPage />
                  </RequireSignIn>
                }
              />
              <Route
                path="org/staff"
                element={
                  <RequireSignIn>
                    <EmployeesPage />
                  </RequireSignIn>
                }
              />
              <Route
                path="invitations/:token"
                element={
                  <RequireSignIn>
                    <InvitationPage />
                  </RequireSignIn>
                }
              />
              <Route
                path="powers-of-attorney"
                element={
                  <RequireSignIn>
                    <PowersOfAttorneyPage />
                  </RequireSignIn>
                }
              />
              <Route
                path="journal"
                element={
                  <RequireSignIn>
                    <JournalPage />
                  </RequireSignIn>
                }
              />
              {premisesRoutes()}
              {metersRoutes()}
              {billingRoutes()}
              {serviceRequestsRoutes()}
              {meetingsRoutes()}
              {documentsRoutes()}
              {ALL_SECTIONS.filter((section) => !section.ready).map((section) => (
                <Route
                  key={section.key}
                  path={section.path}
                  element={<ComingSectionPage section={section} />}
                />
              ))}
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

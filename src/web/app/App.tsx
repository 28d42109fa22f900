import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';

import { HomePage } from '../routes/home/HomePage.js';
import { NotFoundPage } from '../routes/NotFoundPage.js';
import { ComingSectionPage } from '../routes/sections/ComingSectionPage.js';
import { AppLayout } from './layout/AppLayout.js';
import { ALL_SECTIONS } from './navigation.js';
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
              <Route path="organisations/:id" element={<OrganisationPage />} />
              <Route path="signin" element={<SignInPage />} />
              {ALL_SECTIONS.map((section) => (
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

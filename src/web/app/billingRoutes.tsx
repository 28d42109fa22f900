import type { ReactNode } from 'react';
import { Route } from 'react-router';

import { BillPage } from '../routes/billing/BillPage.js';
import { LedgerPage } from '../routes/billing/LedgerPage.js';
import { OrgChargesPage } from '../routes/billing/OrgChargesPage.js';
import { OwnerBillsPage } from '../routes/billing/OwnerBillsPage.js';
import { PaymentReturnPage } from '../routes/billing/PaymentReturnPage.js';
import { RequireSignIn } from '../session/RequireSignIn.js';

const PAGES: [string, ReactNode][] = [
  ['/owner/bills', <OwnerBillsPage key="bills" />],
  ['/owner/bills/:accountId/history', <LedgerPage key="ledger" />],
  ['/owner/bills/:accountId/payments/:paymentId', <PaymentReturnPage key="payment" />],
  ['/owner/bills/:accountId/:period', <BillPage key="bill" />],
  ['/org/charges', <OrgChargesPage key="charges" />],
];

/** The signed-in pages of the billing area, to place inside the app layout. */
export function billingRoutes() {
  return PAGES.map(([path, page]) => (
    <Route key={path} path={path} element={<RequireSignIn>{page}</RequireSignIn>} />
  ));
}

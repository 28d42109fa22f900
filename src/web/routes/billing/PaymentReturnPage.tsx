import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { getPayment, receiptUrl, rub } from '../../api/billing.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';

/**
 * Where the acquirer sends the payer back. The bank's answer arrives separately (its callback),
 * so the page asks every two seconds until the payment is settled one way or the other.
 */
export function PaymentReturnPage() {
  const { t } = useTranslation();
  const { paymentId = '' } = useParams();
  const payment = useQuery({
    queryKey: ['billing', 'payment', paymentId],
    queryFn: ({ signal }) => getPayment(paymentId, signal),
    refetchInterval: (query) =>
      query.state.data?.status === 'pending' || query.state.data?.status === 'created'
        ? 2000
        : false,
  });

  usePageTitle(t('billing.pay.title'));

  return (
    <Stack gap="lg" maw="40rem">
      <Title order={1}>{t('billing.pay.title')}</Title>
      {payment.isPending ? <Loading /> : null}
      {payment.error ? <ProblemAlert error={payment.error} /> : null}
      {payment.data ? (
        <>
          <Text>
            {t('billing.pay.amount', {
              amount: rub(payment.data.amountKopecks),
              account: payment.data.accountNumber,
            })}
          </Text>
          {payment.data.status === 'succeeded' ? (
            <Alert color="teal" title={t('billing.pay.succeeded')} role="status">
              <Stack gap="xs">
                <Text data-testid="receipt-number">
                  {t('billing.pay.receipt', { number: payment.data.receiptNumber })}
                </Text>
                <Group>
                  <Button
                    component="a"
                    href={receiptUrl(payment.data.id)}
                    target="_blank"
                    variant="default"
                  >
                    {t('billing.pay.receiptPdf')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : null}
          {payment.data.status === 'pending' || payment.data.status === 'created' ? (
            <Alert color="blue" title={t('billing.pay.pending')} role="status">
              {t('billing.pay.pendingLead')}
            </Alert>
          ) : null}
          {payment.data.status === 'declined' ? (
            <Alert color="red" title={t('billing.pay.declined')} role="alert">
              {t('billing.pay.declinedLead')}
            </Alert>
          ) : null}
          {payment.data.status === 'expired' ? (
            <Alert color="orange" title={t('billing.pay.expired')} role="alert">
              {t('billing.pay.expiredLead')}
            </Alert>
          ) : null}
          <Anchor component={Link} to="/owner/bills">
            {t('billing.pay.toBills')}
          </Anchor>
        </>
      ) : null}
    </Stack>
  );
}

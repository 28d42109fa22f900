import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { rub, startPayment } from '../../api/billing.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

/** Starts an online payment and hands the payer to the acquirer's page; no card data here. */
export function PayButton({
  accountId,
  amountKopecks,
  period,
}: {
  accountId: string;
  amountKopecks: number;
  period?: string;
}) {
  const { t } = useTranslation();
  const pay = useMutation({
    mutationFn: () => startPayment(accountId, amountKopecks, period),
    onSuccess: (payment) => {
      if (payment.redirectUrl) {
        window.location.assign(payment.redirectUrl);
      }
    },
  });

  return (
    <>
      <Button onClick={() => pay.mutate()} loading={pay.isPending}>
        {t('billing.pay.button', { amount: rub(amountKopecks) })}
      </Button>
      {pay.error ? <ProblemAlert error={pay.error} /> : null}
    </>
  );
}

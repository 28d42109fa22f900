import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { checkReceipt } from '../../api/meetings.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

/** Any owner checks that a ballot is in the count: by the receipt, its hash in the chain. */
export function ReceiptCheck({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const [hash, setHash] = useState(initial);
  const check = useMutation({ mutationFn: () => checkReceipt(hash.trim().toLowerCase()) });

  return (
    <Card withBorder>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          check.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('meetings.receipt.title')}
          </Title>
          <Group align="flex-end">
            <TextInput
              label={t('meetings.receipt.hash')}
              value={hash}
              onChange={(e) => setHash(e.currentTarget.value)}
              style={{ flex: 1 }}
              ff="monospace"
            />
            <Button type="submit" loading={check.isPending}>
              {t('meetings.receipt.check')}
            </Button>
          </Group>
          {check.data ? (
            <Alert
              color={check.data.counted && check.data.chainIntact ? 'green' : 'orange'}
              data-testid="receipt-result"
            >
              <Stack gap={2}>
                <Text fw={600}>
                  {check.data.counted
                    ? t('meetings.receipt.counted', { sequence: check.data.sequence })
                    : t('meetings.receipt.notCounted', { sequence: check.data.sequence })}
                </Text>
                <Text size="sm">
                  {check.data.meetingTitle} · {check.data.houseAddress}
                </Text>
                <Text size="sm">
                  {check.data.chainIntact
                    ? t('meetings.receipt.chainOk')
                    : t('meetings.receipt.chainBroken')}
                </Text>
              </Stack>
            </Alert>
          ) : null}
          {check.isError ? <ProblemAlert error={check.error} /> : null}
        </Stack>
      </form>
    </Card>
  );
}

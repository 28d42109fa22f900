import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { listPowers, revokePower, type PowerOfAttorney } from '../../api/powersOfAttorney.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { formatDate } from '../../i18n/format.js';
import { PowerGrantForm } from './PowerGrantForm.js';

/**
 * /powers-of-attorney: the powers an owner granted (with revoking) and those the person received
 * as a representative. The representative then acts on the premise within the power's dates.
 */
export function PowersOfAttorneyPage() {
  const { t } = useTranslation();
  const powers = useQuery({
    queryKey: ['powers', 'list'],
    queryFn: ({ signal }) => listPowers(signal),
  });

  usePageTitle(t('powers.title'));

  return (
    <Stack gap="lg" maw="60rem">
      <Title order={1}>{t('powers.title')}</Title>
      <Text>{t('powers.lead')}</Text>
      {powers.isPending ? <Loading /> : null}
      {powers.error ? <ProblemAlert error={powers.error} onRetry={() => powers.refetch()} /> : null}
      {powers.data ? (
        <>
          <PowerList title={t('powers.grantedList')} items={powers.data.granted} revocable />
          <PowerList title={t('powers.receivedList')} items={powers.data.received} />
        </>
      ) : null}
      <PowerGrantForm />
    </Stack>
  );
}

function PowerList(props: { title: string; items: PowerOfAttorney[]; revocable?: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: revokePower,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['powers'] }),
  });
  const language = i18n.resolvedLanguage ?? 'ru';

  return (
    <section aria-label={props.title}>
      <Title order={2} size="h3" mb="sm">
        {props.title}
      </Title>
      {props.items.length === 0 ? <Text c="dimmed">{t('powers.none')}</Text> : null}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0 }}>
        {props.items.map((power) => (
          <Card component="li" key={power.id} withBorder padding="md">
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={2}>
                <Text fw={600}>{power.premiseLabel}</Text>
                <Text size="sm">
                  {props.revocable
                    ? t('powers.to', { name: power.representativeName })
                    : t('powers.from', { name: power.principalName })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('powers.period', {
                    from: formatDate(power.validFrom, language, 'UTC'),
                    until: formatDate(power.validUntil, language, 'UTC'),
                  })}
                  {power.documentReference ? ` · ${power.documentReference}` : ''}
                </Text>
              </Stack>
              <Group gap="xs">
                <Badge color={power.inForce ? 'teal.9' : 'gray.9'} variant="outline" radius="sm">
                  {power.revokedAt
                    ? t('powers.revoked')
                    : power.inForce
                      ? t('powers.inForce')
                      : t('powers.notInForce')}
                </Badge>
                {props.revocable && !power.revokedAt ? (
                  <Button
                    size="xs"
                    variant="outline"
                    color="red"
                    loading={revoke.isPending && revoke.variables === power.id}
                    onClick={() => revoke.mutate(power.id)}
                    aria-label={t('powers.revokeFor', { name: power.representativeName })}
                  >
                    {t('powers.revoke')}
                  </Button>
                ) : null}
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
      {revoke.error ? <ProblemAlert error={revoke.error} /> : null}
    </section>
  );
}

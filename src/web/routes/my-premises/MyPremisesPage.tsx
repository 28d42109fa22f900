import { Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { getMyPremises } from '../../api/myPremises.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { ClaimsInReview } from './ClaimsInReview.js';
import { PremiseCard } from './PremiseCard.js';

const ADD_PATH = '/owner/properties/add';

/** The sections later issues fill; each links to its page, which says "coming" until then. */
const QUICK_ACTIONS = [
  { key: 'pay', path: '/owner/bills' },
  { key: 'readings', path: '/owner/meters' },
  { key: 'requests', path: '/owner/requests' },
  { key: 'meetings', path: '/owner/meetings' },
] as const;

/** /owner/properties: «Мой МП‑дом» — the person's premises, accounts and claims under review. */
export function MyPremisesPage() {
  const { t } = useTranslation();
  const mine = useQuery({
    queryKey: ['my-premises'],
    queryFn: ({ signal }) => getMyPremises(signal),
  });

  usePageTitle(t('myPremises.title'));

  const premises = mine.data?.premises ?? [];
  const claims = mine.data?.claims ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} maw="46rem">
          <Title order={1}>{t('myPremises.title')}</Title>
          <Text c="dimmed">{t('myPremises.lead')}</Text>
        </Stack>
        <Button component={Link} to={ADD_PATH}>
          {t('myPremises.add')}
        </Button>
      </Group>

      {mine.isPending ? <Loading /> : null}
      {mine.isError ? (
        <ProblemAlert error={mine.error} onRetry={() => void mine.refetch()} />
      ) : null}

      {mine.data && premises.length > 0 ? <QuickActions /> : null}
      {claims.length > 0 ? <ClaimsInReview claims={claims} /> : null}
      {mine.data && premises.length === 0 ? <EmptyState /> : null}

      {premises.length > 0 ? (
        <section aria-labelledby="my-premises-list">
          <Title order={2} size="h3" id="my-premises-list" mb="sm">
            {t('myPremises.premisesList')}
          </Title>
          <SimpleGrid component="ul" cols={{ base: 1, lg: 2 }} spacing="md" p={0} m={0}>
            {premises.map((premise) => (
              <li key={premise.id} style={{ listStyle: 'none', minWidth: 0 }}>
                <PremiseCard premise={premise} />
              </li>
            ))}
          </SimpleGrid>
        </section>
      ) : null}
    </Stack>
  );
}

function QuickActions() {
  const { t } = useTranslation();

  return (
    <nav aria-labelledby="my-premises-actions">
      <Title order={2} size="h4" id="my-premises-actions" mb="xs">
        {t('myPremises.actions.title')}
      </Title>
      <Group gap="sm">
        {QUICK_ACTIONS.map((action) => (
          <Button key={action.key} component={Link} to={action.path} variant="light">
            {t(`myPremises.actions.${action.key}`)}
          </Button>
        ))}
      </Group>
    </nav>
  );
}

function EmptyState() {
  const { t } = useTranslation();

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="my-premises-empty" maw="46rem">
      <Title order={2} size="h3" id="my-premises-empty" mb="xs">
        {t('myPremises.empty.title')}
      </Title>
      <List spacing="xs" mb="md">
        <List.Item>{t('myPremises.empty.text')}</List.Item>
        <List.Item>{t('myPremises.empty.registry')}</List.Item>
        <List.Item>{t('myPremises.empty.resident')}</List.Item>
      </List>
      <Anchor component={Link} to={ADD_PATH} fw={600}>
        {t('myPremises.add')}
      </Anchor>
    </Paper>
  );
}

import { Anchor, Card, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { searchBuildings } from '../../api/buildings.js';
import { AUDIENCES, sectionTitleKey, type Audience } from '../../app/navigation.js';
import { HouseSearchForm } from '../../components/HouseSearchForm.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import classes from './HomePage.module.css';

const AUDIENCE_TEXT = {
  owners: { title: 'home.owners.title', subtitle: null, text: 'home.owners.text' },
  organisations: {
    title: 'home.organisations.title',
    subtitle: 'home.organisations.subtitle',
    text: 'home.organisations.text',
  },
  authorities: {
    title: 'home.authorities.title',
    subtitle: 'home.authorities.subtitle',
    text: 'home.authorities.text',
  },
} as const;

/** The public start page: what the service is, for whom, and a way straight to a house. */
export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [address, setAddress] = useState('');

  usePageTitle(undefined);

  // One row is enough: only the total is wanted, to show the registry is real and how big.
  const registry = useQuery({
    queryKey: ['buildings', 'count'],
    queryFn: ({ signal }) => searchBuildings({ page: 1, limit: 1 }, signal),
  });

  const search = (q: string) => {
    void navigate(q ? `/houses?q=${encodeURIComponent(q)}` : '/houses');
  };

  return (
    <Stack gap="xl">
      <Paper className={classes.hero} p={{ base: 'md', sm: 'xl' }} radius="lg">
        <Stack gap="md">
          <Title order={1}>{t('home.title')}</Title>
          <Text size="lg" maw="46rem">
            {t('home.lead')}
          </Text>
          <Stack gap={6} maw="40rem" mt="sm">
            <Title order={2} size="h3">
              {t('home.searchTitle')}
            </Title>
            <HouseSearchForm value={address} onChange={setAddress} onSubmit={search} size="lg" />
            {registry.data ? (
              <Text size="sm" c="dimmed" data-testid="registry-count">
                {t('home.registryCount', { count: registry.data.total })}
              </Text>
            ) : null}
          </Stack>
        </Stack>
      </Paper>

      <section aria-labelledby="audiences-title">
        <Title order={2} id="audiences-title" mb="md">
          {t('home.audiencesTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, xl: 4 }} spacing="md">
          {AUDIENCES.map((audience) => (
            <AudienceCard key={audience.key} audience={audience} />
          ))}
          <Card withBorder padding="lg" component="article" aria-labelledby="api-title">
            <Title order={3} id="api-title">
              {t('home.api.title')}
            </Title>
            <Text mt="xs">{t('home.api.text')}</Text>
            <List mt="sm" spacing={4}>
              <List.Item>
                <Anchor href="/api/docs">{t('home.api.docs')}</Anchor>
              </List.Item>
              <List.Item>
                <Anchor href="/api/openapi.json">{t('home.api.spec')}</Anchor>
              </List.Item>
            </List>
          </Card>
        </SimpleGrid>
      </section>

      <section aria-labelledby="status-title">
        <Paper withBorder p="lg">
          <Group gap="sm" mb="xs">
            <Title order={2} size="h3" id="status-title">
              {t('home.statusTitle')}
            </Title>
          </Group>
          <Text>{t('home.statusText')}</Text>
          <Anchor component={Link} to="/houses" mt="xs" display="inline-block">
            {t('coming.searchHouses')}
          </Anchor>
        </Paper>
      </section>
    </Stack>
  );
}

function AudienceCard({ audience }: { audience: Audience }) {
  const { t } = useTranslation();
  const text = AUDIENCE_TEXT[audience.key];
  const titleId = `audience-${audience.key}`;

  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={titleId}>
      <Title order={3} id={titleId}>
        {t(text.title)}
      </Title>
      {text.subtitle ? (
        <Text size="sm" c="dimmed">
          {t(text.subtitle)}
        </Text>
      ) : null}
      <Text mt="xs">{t(text.text)}</Text>
      <Group
        gap="xs"
        mt="sm"
        component="ul"
        className={classes.chips}
        aria-label={t('home.sectionsLink')}
      >
        {audience.sections.map((section) => (
          <li key={section.key}>
            <Anchor component={Link} to={section.path} size="sm" className={classes.chip}>
              {t(sectionTitleKey(section.key))}
            </Anchor>
          </li>
        ))}
      </Group>
    </Card>
  );
}

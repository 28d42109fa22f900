import { Anchor, Badge, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import {
  AUDIENCES,
  sectionDescriptionKey,
  sectionTitleKey,
  type Section,
} from '../../app/navigation.js';
import { usePageTitle } from '../../components/usePageTitle.js';

/**
 * A section whose issue has not landed yet: it says what it will do and points to what works,
 * instead of showing invented data.
 */
export function ComingSectionPage({ section }: { section: Section }) {
  const { t } = useTranslation();
  const title = t(sectionTitleKey(section.key));
  const audience = AUDIENCES.find((candidate) => candidate.sections.includes(section));

  usePageTitle(title);

  return (
    <Stack gap="lg" maw="46rem">
      <Stack gap={6}>
        {audience ? (
          <Text size="sm" c="dimmed">
            {t(`nav.${audience.key}`)}
          </Text>
        ) : null}
        <Title order={1}>{title}</Title>
        <div>
          <Badge variant="outline" color="blue.9" size="lg" radius="sm">
            {t('coming.badge')}
          </Badge>
        </div>
      </Stack>
      <Paper withBorder p="lg" component="section" aria-labelledby="coming-what">
        <Title order={2} size="h3" id="coming-what" mb="xs">
          {t('coming.whatItWillDo')}
        </Title>
        <Text>{t(sectionDescriptionKey(section.key))}</Text>
        <Text mt="sm" c="dimmed" size="sm">
          {t('coming.notYet')}
        </Text>
      </Paper>
      <section aria-labelledby="coming-now">
        <Title order={2} size="h3" id="coming-now" mb="xs">
          {t('coming.availableNow')}
        </Title>
        <List spacing={4}>
          <List.Item>
            <Anchor component={Link} to="/houses">
              {t('coming.searchHouses')}
            </Anchor>
          </List.Item>
          <List.Item>
            <Anchor href="/api/docs">{t('coming.apiDocs')}</Anchor>
          </List.Item>
        </List>
      </section>
    </Stack>
  );
}

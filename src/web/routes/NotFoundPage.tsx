import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { usePageTitle } from '../components/usePageTitle.js';

export function NotFoundPage() {
  const { t } = useTranslation();

  usePageTitle(t('notFound.title'));

  return (
    <Stack gap="md" maw="40rem">
      <Text fw={700} c="dimmed" size="xl" aria-hidden="true">
        404
      </Text>
      <Title order={1}>{t('notFound.title')}</Title>
      <Text>{t('notFound.text')}</Text>
      <Group>
        <Button component={Link} to="/">
          {t('notFound.home')}
        </Button>
        <Button component={Link} to="/houses" variant="default">
          {t('notFound.search')}
        </Button>
      </Group>
    </Stack>
  );
}

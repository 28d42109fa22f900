import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { usePageTitle } from '../../components/usePageTitle.js';
import { ExtractUpload } from './ExtractUpload.js';
import { ObjectLookup } from './ObjectLookup.js';

/**
 * /operator/registry: the local copy of the property registry (ЕГРН). An operator looks an object
 * up by its cadastral number, and loads extracts after previewing what they would change.
 */
export function RegistryPage() {
  const { t } = useTranslation();
  // The number being looked up; a row of an import report can put its object here.
  const [lookup, setLookup] = useState('');

  usePageTitle(t('registry.title'));

  return (
    <Stack gap="lg">
      <Stack gap={4} maw="46rem">
        <Title order={1}>{t('registry.title')}</Title>
        <Text c="dimmed">{t('registry.lead')}</Text>
      </Stack>
      <ObjectLookup number={lookup} onLookUp={setLookup} />
      <ExtractUpload onLookUp={setLookup} />
    </Stack>
  );
}

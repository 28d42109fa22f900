import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { Loading } from '../../components/Loading.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { OrgPicker } from '../house-register/OrgPicker.js';
import { useOrgChoice } from '../house-register/useOrgChoice.js';
import { HouseEntry } from './HouseEntry.js';
import { ImbalancePanel } from './ImbalancePanel.js';
import { ImportPanel } from './ImportPanel.js';
import { SettingsPanel } from './SettingsPanel.js';

/** /org/meters: staff entry by house, file import, the common-house imbalance, settings. */
export function OrgMetersPage() {
  const { t } = useTranslation();
  const { orgs, chosen, choose, pending } = useOrgChoice();

  usePageTitle(t('meters.org.title'));

  if (pending) {
    return <Loading />;
  }

  return (
    <Stack gap="lg">
      <Stack gap={4} maw="46rem">
        <Title order={1}>{t('meters.org.title')}</Title>
        <Text c="dimmed">{t('meters.org.lead')}</Text>
      </Stack>
      {!chosen ? (
        <Text>{t('meters.org.noOrganisation')}</Text>
      ) : (
        <>
          <OrgPicker orgs={orgs} chosen={chosen} onChoose={choose} />
          <Tabs defaultValue="entry" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="entry">{t('meters.org.tabs.entry')}</Tabs.Tab>
              <Tabs.Tab value="import">{t('meters.org.tabs.import')}</Tabs.Tab>
              <Tabs.Tab value="imbalance">{t('meters.org.tabs.imbalance')}</Tabs.Tab>
              <Tabs.Tab value="settings">{t('meters.org.tabs.settings')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="entry" pt="md">
              <HouseEntry orgId={chosen.id} />
            </Tabs.Panel>
            <Tabs.Panel value="import" pt="md">
              <ImportPanel orgId={chosen.id} />
            </Tabs.Panel>
            <Tabs.Panel value="imbalance" pt="md">
              <ImbalancePanel orgId={chosen.id} />
            </Tabs.Panel>
            <Tabs.Panel value="settings" pt="md">
              <SettingsPanel orgId={chosen.id} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}

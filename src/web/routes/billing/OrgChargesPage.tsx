import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { Loading } from '../../components/Loading.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { OrgPicker } from '../house-register/OrgPicker.js';
import { useOrgChoice } from '../house-register/useOrgChoice.js';
import { DebtorsPanel } from './DebtorsPanel.js';
import { PaymentsPanel } from './PaymentsPanel.js';
import { RunsPanel } from './RunsPanel.js';
import { TariffsPanel } from './TariffsPanel.js';

const TABS = ['runs', 'tariffs', 'payments', 'debtors'] as const;

/** /org/charges: billing runs and period close, tariffs, payments and registries, debtors. */
export function OrgChargesPage() {
  const { t } = useTranslation();
  const { orgs, chosen, choose, pending } = useOrgChoice();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'runs';

  usePageTitle(t('billing.org.title'));

  return (
    <Stack gap="lg" maw="76rem">
      <Stack gap={4}>
        <Title order={1}>{t('billing.org.title')}</Title>
        <Text c="dimmed">{t('billing.org.lead')}</Text>
      </Stack>
      {pending ? <Loading /> : null}
      {!pending && !chosen ? <Text>{t('billing.org.noOrganisation')}</Text> : null}
      {chosen ? (
        <>
          <OrgPicker orgs={orgs} chosen={chosen} onChoose={choose} />
          <Tabs
            value={tab}
            onChange={(next) => {
              const copy = new URLSearchParams(params);

              copy.set('tab', next ?? 'runs');
              setParams(copy);
            }}
          >
            <Tabs.List>
              {TABS.map((key) => (
                <Tabs.Tab key={key} value={key}>
                  {t(`billing.org.tabs.${key}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="runs" pt="md">
              <RunsPanel orgId={chosen.id} />
            </Tabs.Panel>
            <Tabs.Panel value="tariffs" pt="md">
              <TariffsPanel orgId={chosen.id} />
            </Tabs.Panel>
            <Tabs.Panel value="payments" pt="md">
              <PaymentsPanel orgId={chosen.id} />
            </Tabs.Panel>
            <Tabs.Panel value="debtors" pt="md">
              <DebtorsPanel orgId={chosen.id} />
            </Tabs.Panel>
          </Tabs>
        </>
      ) : null}
    </Stack>
  );
}

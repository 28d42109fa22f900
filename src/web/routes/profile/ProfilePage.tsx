import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { ProfileClaimsPanel } from '../property-claims/ProfileClaimsPanel.js';
import { ContactsPanel } from './ContactsPanel.js';
import { SecurityPanel } from './SecurityPanel.js';
import { useMe } from './useMe.js';
import { VerificationPanel } from './VerificationPanel.js';

const TABS = ['contacts', 'security', 'verification', 'mpdom'] as const;

type Tab = (typeof TABS)[number];

/**
 * /profile: «Мой профиль» — contacts and roles, security settings, identity verification, and
 * «МП‑дом»: adding a property and the claims made.
 */
export function ProfilePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const requested = params.get('tab');
  const tab: Tab = TABS.includes(requested as Tab) ? (requested as Tab) : 'contacts';

  usePageTitle(t('profile.title'));

  return (
    <Stack gap="lg" maw="56rem">
      <Stack gap={4}>
        <Title order={1}>{t('profile.title')}</Title>
        {me.data ? (
          <Text c="dimmed" data-testid="profile-name">
            {me.data.displayName}
          </Text>
        ) : null}
      </Stack>
      {me.isPending ? <Loading /> : null}
      {me.isError ? <ProblemAlert error={me.error} onRetry={() => void me.refetch()} /> : null}
      <Tabs
        value={tab}
        onChange={(next) => setParams(next && next !== 'contacts' ? { tab: next } : {})}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {name === 'mpdom' ? t('property.profile.tab') : t(`profile.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="contacts" pt="lg">
          {me.data ? <ContactsPanel me={me.data} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="security" pt="lg">
          <SecurityPanel />
        </Tabs.Panel>
        <Tabs.Panel value="verification" pt="lg">
          {me.data ? <VerificationPanel me={me.data} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="mpdom" pt="lg">
          <ProfileClaimsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

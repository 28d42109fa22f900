import { NavLink, Text } from '@mantine/core';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

import { useSession } from '../../session/useSession.js';

type Tool = { path: string; label: ParseKeys; roles: string[] };

/** Who may open which work tool; the API checks the same again on every request. */
const TOOLS: Tool[] = [
  {
    path: '/operator/verifications',
    label: 'nav.verificationQueue',
    roles: ['identity_operator', 'platform_admin'],
  },
  { path: '/operator/outbox', label: 'nav.outbox', roles: ['identity_operator', 'platform_admin'] },
  {
    path: '/operator/registry',
    label: 'registry.nav',
    roles: ['identity_operator', 'platform_admin'],
  },
  { path: '/org/staff', label: 'nav.staff', roles: ['organisation_admin'] },
  {
    path: '/org/claims',
    label: 'property.queue.title',
    roles: ['organisation_admin', 'accountant', 'identity_operator', 'platform_admin'],
  },
  {
    path: '/journal',
    label: 'nav.journal',
    roles: ['platform_admin', 'inspector', 'organisation_admin'],
  },
];

/** The signed-in person's own pages, and the work tools their roles open. */
export function AccountNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const session = useSession();
  const user = session.data?.user;

  if (!user) {
    return null;
  }

  const roles = new Set(user.roles.map((grant) => grant.role));
  const tools = TOOLS.filter((tool) => tool.roles.some((role) => roles.has(role)));
  const link = (path: string, label: string) => (
    <NavLink
      key={path}
      component={Link}
      to={path}
      label={label}
      active={pathname === path}
      aria-current={pathname === path ? 'page' : undefined}
      onClick={onNavigate}
      py={5}
    />
  );

  return (
    <>
      <div>
        <Text component="h2" size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
          {t('nav.account')}
        </Text>
        {link('/profile', t('nav.profile'))}
        {link('/powers-of-attorney', t('nav.powers'))}
      </div>
      {tools.length > 0 ? (
        <div>
          <Text component="h2" size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
            {t('nav.work')}
          </Text>
          {tools.map((tool) => link(tool.path, t(tool.label)))}
        </div>
      ) : null}
    </>
  );
}

import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';

import { useSession, useSignOut } from '../session/useSession.js';

/** "Sign in" for visitors; the person's name and "Sign out" once signed in. */
export function UserArea({ stacked = false }: { stacked?: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const user = session.data?.user;

  if (!user) {
    const next = location.pathname === '/signin' ? undefined : location.pathname + location.search;
    const to = next && next !== '/' ? `/signin?next=${encodeURIComponent(next)}` : '/signin';

    return (
      <Group gap="xs" wrap="nowrap" grow={stacked}>
        <Button component={Link} to={to} variant="filled" size="sm" fullWidth={stacked}>
          {t('header.signIn')}
        </Button>
        <Button component={Link} to="/register" variant="default" size="sm" fullWidth={stacked}>
          {t('header.register')}
        </Button>
      </Group>
    );
  }

  return (
    <Group gap="xs" wrap="nowrap" aria-label={t('header.account')} role="group">
      <Text
        component={Link}
        to="/profile"
        size="sm"
        fw={600}
        data-testid="signed-in-name"
        truncate
        maw={stacked ? undefined : 220}
        aria-label={t('header.profileOf', { name: user.displayName })}
      >
        {user.displayName}
      </Text>
      <Button
        variant="default"
        size="sm"
        loading={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/') })}
      >
        {t('header.signOut')}
      </Button>
    </Group>
  );
}

import {
  Box,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { getDemoInfo } from '../../api/sessions.js';
import type { DemoAccount } from '../../api/types.js';
import classes from './DemoAccounts.module.css';

type Props = { onUse: (account: DemoAccount) => void };

/** Demo sign-ins, listed only when the server says the demo world is on. */
export function DemoAccounts({ onUse }: Props) {
  const { t, i18n } = useTranslation();
  const demo = useQuery({
    // Descriptions come in the asked language, so each language is its own answer.
    queryKey: ['demo', i18n.resolvedLanguage],
    queryFn: ({ signal }) => getDemoInfo(signal),
    staleTime: Infinity,
  });

  if (!demo.data?.enabled || demo.data.accounts.length === 0) {
    return null;
  }

  const accounts = demo.data.accounts;

  return (
    <Paper component="section" withBorder p={{ base: 'md', sm: 'lg' }} aria-labelledby="demo-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="demo-title">
          {t('signin.demoTitle')}
        </Title>
        <Text size="sm">{t('signin.demoText')}</Text>
        <Box visibleFrom="sm">
          <Table.ScrollContainer minWidth={640}>
            <DemoTable accounts={accounts} onUse={onUse} />
          </Table.ScrollContainer>
        </Box>
        <Box hiddenFrom="sm">
          <DemoCards accounts={accounts} onUse={onUse} />
        </Box>
      </Stack>
    </Paper>
  );
}

function useAudienceName() {
  const { t, i18n } = useTranslation();

  return (value: string) => {
    const key = `signin.audiences.${value}`;

    return i18n.exists(key) ? t(key as 'signin.audiences.owner') : value;
  };
}

function DemoTable({ accounts, onUse }: Props & { accounts: DemoAccount[] }) {
  const { t } = useTranslation();
  const audience = useAudienceName();

  return (
    <Table striped verticalSpacing="xs" data-testid="demo-accounts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('signin.demoAudience')}</Table.Th>
          <Table.Th scope="col">{t('signin.demoLogin')}</Table.Th>
          <Table.Th scope="col">{t('signin.demoPassword')}</Table.Th>
          <Table.Th scope="col">{t('signin.demoDescription')}</Table.Th>
          <Table.Th scope="col">
            <VisuallyHidden>{t('signin.demoUse')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {accounts.map((account) => (
          <Table.Tr key={account.login}>
            <Table.Td>{audience(account.audience)}</Table.Td>
            <Table.Td className={classes.nowrap}>
              <code>{account.login}</code>
            </Table.Td>
            <Table.Td className={classes.nowrap}>
              <code>{account.password}</code>
            </Table.Td>
            <Table.Td>{account.description}</Table.Td>
            <Table.Td>
              <UseButton account={account} onUse={onUse} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** On a phone five columns do not fit; each account becomes a small card instead. */
function DemoCards({ accounts, onUse }: Props & { accounts: DemoAccount[] }) {
  const { t } = useTranslation();
  const audience = useAudienceName();

  return (
    <Stack component="ul" gap="xs" className={classes.cards}>
      {accounts.map((account) => (
        <Paper component="li" key={account.login} withBorder p="sm">
          <Text size="sm" fw={600}>
            {audience(account.audience)}: {account.description}
          </Text>
          <Group justify="space-between" align="flex-end" gap="xs" mt={4}>
            <Text size="sm" component="div">
              <div>
                {t('signin.demoLogin')}: <code>{account.login}</code>
              </div>
              <div>
                {t('signin.demoPassword')}: <code>{account.password}</code>
              </div>
            </Text>
            <UseButton account={account} onUse={onUse} />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function UseButton({ account, onUse }: Props & { account: DemoAccount }) {
  const { t } = useTranslation();

  return (
    <Button
      size="xs"
      variant="default"
      onClick={() => onUse(account)}
      aria-label={t('signin.demoUseFor', { login: account.login })}
    >
      {t('signin.demoUse')}
    </Button>
  );
}

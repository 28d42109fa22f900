import { Badge, Button, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import type { PersonalAccount } from '../../api/myPremises.js';
import { formatDay } from '../../i18n/format.js';
import classes from './MyPremises.module.css';

/** The person's personal accounts of one premise; the ЕЛС is what a bank payment asks for. */
export function AccountList({ accounts }: { accounts: PersonalAccount[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';
  const id = useId();

  return (
    <section aria-labelledby={id}>
      <Title order={4} id={id} mb={4}>
        {t('myPremises.accounts.title')}
      </Title>
      {accounts.length === 0 ? (
        <Text c="dimmed">{t('myPremises.accounts.none')}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {accounts.map((account) => (
            <li key={account.id} data-testid="personal-account">
              <Group gap="xs" wrap="wrap">
                <Text span size="sm" c="dimmed">
                  {t('myPremises.accounts.els')}
                </Text>
                <Text span className={classes.accountNumber} data-testid="account-number">
                  {account.number}
                </Text>
                <CopyButton value={account.number} timeout={2000}>
                  {({ copied, copy }) => (
                    <Button
                      size="compact-xs"
                      variant={copied ? 'filled' : 'default'}
                      onClick={copy}
                      aria-label={t('myPremises.accounts.copyLabel', { number: account.number })}
                    >
                      <span aria-live="polite">
                        {copied ? t('myPremises.accounts.copied') : t('myPremises.accounts.copy')}
                      </span>
                    </Button>
                  )}
                </CopyButton>
                {account.closedOn ? (
                  <Badge color="gray.9" variant="outline" radius="sm">
                    {t('myPremises.accounts.closedBadge')}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm">
                <Text span lang="ru">
                  {account.organisation.name}
                </Text>
                {', '}
                {t('myPremises.accounts.opened', { date: formatDay(account.openedOn, language) })}
                {account.closedOn
                  ? `, ${t('myPremises.accounts.closed', { date: formatDay(account.closedOn, language) })}`
                  : null}
              </Text>
              {account.localNumber || account.payer === 'principal' ? (
                <Text size="sm" c="dimmed">
                  {[
                    account.localNumber
                      ? t('myPremises.accounts.localNumber', { number: account.localNumber })
                      : null,
                    account.payer === 'principal' ? t('myPremises.accounts.principal') : null,
                  ]
                    .filter(Boolean)
                    .join('; ')}
                </Text>
              ) : null}
            </li>
          ))}
        </Stack>
      )}
    </section>
  );
}

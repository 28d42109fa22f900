import { Badge, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { OwnershipRecord, PremiseAccount, PremiseCard } from '../../api/houseRegister.js';
import { formatArea, formatDay } from '../../i18n/format.js';

/** What the register knows of a premise: owners now and before, residents, accounts. */
export function PremiseCardView({
  card,
  onCloseAccount,
}: {
  card: PremiseCard;
  onCloseAccount: (account: PremiseAccount) => void;
}) {
  const { t, i18n } = useTranslation();
  const day = (iso: string | null) => (iso ? formatDay(iso, i18n.language) : '—');
  const premise = card.premise;

  return (
    <Stack gap="md" data-testid="premise-card">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Fact label={t('houseRegister.card.floor')} value={premise.floor ?? '—'} />
        <Fact label={t('houseRegister.card.entrance')} value={premise.entrance ?? '—'} />
        <Fact
          label={t('houseRegister.card.areaTotal')}
          value={`${formatArea(premise.areaTotal, i18n.language)} ${t('houseRegister.sqm')}`}
        />
        <Fact label={t('houseRegister.card.sharesTotal')} value={card.sharesTotal} />
      </SimpleGrid>

      <section aria-labelledby="card-owners">
        <Title order={3} id="card-owners" mb="xs">
          {t('houseRegister.card.owners')}
        </Title>
        {card.owners.length === 0 ? (
          <Text c="dimmed">{t('houseRegister.chessboard.noOwners')}</Text>
        ) : (
          <OwnersTable rows={card.owners} testId="card-owner" ended={false} day={day} />
        )}
      </section>

      <section aria-labelledby="card-history">
        <Title order={3} id="card-history" mb="xs">
          {t('houseRegister.card.history')}
        </Title>
        {card.history.length === 0 ? (
          <Text c="dimmed">{t('houseRegister.card.noHistory')}</Text>
        ) : (
          <OwnersTable rows={card.history} testId="card-former-owner" ended day={day} />
        )}
      </section>

      <section aria-labelledby="card-residents">
        <Title order={3} id="card-residents" mb="xs">
          {t('houseRegister.card.residents')}
        </Title>
        {card.residents.length === 0 ? (
          <Text c="dimmed">{t('houseRegister.card.noResidents')}</Text>
        ) : (
          <Stack component="ul" gap={2} m={0} pl="md">
            {card.residents.map((resident) => (
              <li key={resident.personId}>
                <Text size="sm">
                  <span lang="ru">{resident.name}</span>
                  {resident.registeredOn
                    ? ` — ${t('houseRegister.card.registeredOn', { date: day(resident.registeredOn) })}`
                    : ''}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </section>

      <section aria-labelledby="card-accounts">
        <Title order={3} id="card-accounts" mb="xs">
          {t('houseRegister.card.accounts')}
        </Title>
        {card.accounts.length === 0 ? (
          <Text c="dimmed">{t('houseRegister.card.noAccounts')}</Text>
        ) : (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {card.accounts.map((account) => (
              <li key={account.id} data-testid="card-account">
                <Group gap="sm" wrap="wrap">
                  <Text ff="monospace" fw={600}>
                    {account.number}
                  </Text>
                  <Text size="sm" lang="ru">
                    {account.payerName}
                  </Text>
                  <Badge variant="outline" color={account.closedOn ? 'gray.7' : 'teal.9'}>
                    {account.closedOn
                      ? t('houseRegister.accounts.closedOn', { date: day(account.closedOn) })
                      : t('houseRegister.accounts.openedOn', { date: day(account.openedOn) })}
                  </Badge>
                  {account.closedOn ? null : (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => onCloseAccount(account)}
                      aria-label={t('houseRegister.accounts.closeNumber', {
                        number: account.number,
                      })}
                    >
                      {t('houseRegister.accounts.close')}
                    </Button>
                  )}
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string | number }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={500}>{value}</Text>
    </div>
  );
}

function OwnersTable(props: {
  rows: OwnershipRecord[];
  testId: string;
  ended: boolean;
  day: (iso: string | null) => string;
}) {
  const { t } = useTranslation();
  const reasonLabel = (reason: string) => {
    const known = knownReason(reason);

    return known ? t(`houseRegister.reasons.${known}`) : reason;
  };

  return (
    <Table.ScrollContainer minWidth={480}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('houseRegister.card.ownerName')}</Table.Th>
            <Table.Th>{t('houseRegister.card.share')}</Table.Th>
            <Table.Th>{t('houseRegister.card.since')}</Table.Th>
            {props.ended ? <Table.Th>{t('houseRegister.card.until')}</Table.Th> : null}
            <Table.Th>{t('houseRegister.card.titleDocument')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <Table.Tr key={row.ownershipId} data-testid={props.testId}>
              <Table.Td lang="ru">{row.name}</Table.Td>
              <Table.Td>{row.share}</Table.Td>
              <Table.Td>{props.day(row.startedOn)}</Table.Td>
              {props.ended ? (
                <Table.Td>
                  {props.day(row.endedOn)}
                  {row.endedReason ? ` (${reasonLabel(row.endedReason)})` : ''}
                </Table.Td>
              ) : null}
              <Table.Td lang="ru">{row.titleDocument ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const REASONS = ['sale', 'inheritance', 'gift', 'court', 'privatisation', 'correction'] as const;

/** A known reason by its name in the interface; an unknown one (from an import) as stored. */
function knownReason(reason: string) {
  return REASONS.find((known) => known === reason);
}

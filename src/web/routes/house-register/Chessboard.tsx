import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Register } from '../../api/houseRegister.js';
import { PremiseTile } from './PremiseTile.js';
import { floorsOf, premisesAt } from './registerView.js';

type Open = (premiseId: string) => void;

/**
 * The «шахматка»: entrances as columns, floors as rows from the top floor down, the way the house
 * stands; each cell holds the flats of that floor of that entrance.
 */
export function Chessboard({ register, onOpen }: { register: Register; onOpen: Open }) {
  const { t } = useTranslation();
  const floors = floorsOf(register);

  if (register.entrances.length === 0) {
    return null;
  }

  const label = (entrance: number | null) =>
    entrance === null
      ? t('houseRegister.chessboard.noEntrance')
      : t('houseRegister.chessboard.entrance', { number: entrance });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="chessboard-title">
      <Stack gap="sm">
        <Title order={2} id="chessboard-title">
          {t('houseRegister.chessboard.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('houseRegister.chessboard.totals', {
            premises: register.totals.premises,
            owned: register.totals.owned,
            accounts: register.totals.accountsOpen,
            residents: register.totals.residents,
          })}
        </Text>
        <Table.ScrollContainer minWidth={Math.max(480, 200 * register.entrances.length)}>
          <Table
            withColumnBorders
            withTableBorder
            layout="fixed"
            data-testid="chessboard"
            aria-labelledby="chessboard-title"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="6rem">{t('houseRegister.chessboard.floor')}</Table.Th>
                {register.entrances.map((entrance) => (
                  <Table.Th key={entrance.entrance ?? 'none'} scope="col">
                    {label(entrance.entrance)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {floors.map((floor) => (
                <Table.Tr key={floor ?? 'none'}>
                  <Table.Th scope="row">
                    {floor === null ? t('houseRegister.chessboard.noFloor') : floor}
                  </Table.Th>
                  {register.entrances.map((entrance) => (
                    <Table.Td key={entrance.entrance ?? 'none'} valign="top">
                      <Stack gap={6}>
                        {premisesAt(register, entrance.entrance, floor).map((cell) => (
                          <PremiseTile key={cell.id} cell={cell} onOpen={onOpen} />
                        ))}
                      </Stack>
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

/** Non-residential premises, parking spaces and storage rooms, listed apart by kind. */
export function OtherPremises({ register, onOpen }: { register: Register; onOpen: Open }) {
  const { t } = useTranslation();

  if (register.other.length === 0) {
    return null;
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="other-premises-title">
      <Stack gap="md">
        <Title order={2} id="other-premises-title">
          {t('houseRegister.chessboard.other')}
        </Title>
        {register.other.map((group) => (
          <Stack key={group.kind} gap="xs">
            <Title order={3}>{t(kindPluralKey(group.kind))}</Title>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
              {group.premises.map((cell) => (
                <PremiseTile key={cell.id} cell={cell} onOpen={onOpen} />
              ))}
            </SimpleGrid>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

function kindPluralKey(kind: string) {
  switch (kind) {
    case 'non_residential':
      return 'houseRegister.kindsPlural.non_residential' as const;
    case 'parking':
      return 'houseRegister.kindsPlural.parking' as const;
    case 'storage':
      return 'houseRegister.kindsPlural.storage' as const;
    default:
      return 'houseRegister.kindsPlural.flat' as const;
  }
}

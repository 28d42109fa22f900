import { Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Cell } from '../../api/houseRegister.js';
import classes from './HouseRegister.module.css';
import { kindOf } from './registerView.js';

/** One premise in the chessboard: its number, owners with shares and open accounts. */
export function PremiseTile({ cell, onOpen }: { cell: Cell; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const kind = t(`houseRegister.kinds.${kindOf(cell.kind)}`);

  return (
    <UnstyledButton
      className={classes.tile}
      onClick={() => onOpen(cell.id)}
      data-testid="premise-tile"
      data-number={cell.number}
      aria-haspopup="dialog"
    >
      <Stack gap={2}>
        <Text fw={700} size="sm">
          {cell.kind === 'flat'
            ? t('houseRegister.chessboard.flatNumber', { number: cell.number })
            : `${kind} ${cell.number}`}
        </Text>
        {cell.owners.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('houseRegister.chessboard.noOwners')}
          </Text>
        ) : (
          cell.owners.map((owner) => (
            <Text key={owner.ownershipId} size="xs" lang="ru" data-testid="tile-owner">
              {owner.name} — {owner.share}
            </Text>
          ))
        )}
        {cell.accounts.map((account) => (
          <Text key={account.id} size="xs" c="dimmed" ff="monospace">
            {account.number}
          </Text>
        ))}
      </Stack>
    </UnstyledButton>
  );
}

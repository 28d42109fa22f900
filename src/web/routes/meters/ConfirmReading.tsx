import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { ApiError } from '../../api/client.js';

type Zone = { zone: string; consumption: string | null };

/**
 * A reading that may well be right but looks odd — past the last digit of the dial, or many
 * times the usual consumption — is sent again only after the person confirms it, having read why.
 */
export function ConfirmReading({
  error,
  pending,
  onCancel,
  onConfirm,
}: {
  error: ApiError | null;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const kind = error?.code === 'reading_rollover_unconfirmed' ? 'rollover' : 'jump';
  const zones = (error?.extensions.zones as Zone[] | undefined) ?? [];
  const consumption = zones
    .map((z) => z.consumption)
    .filter(Boolean)
    .join(' / ');

  return (
    <Modal opened={error !== null} onClose={onCancel} title={t(`meters.confirm.${kind}.title`)}>
      <Text size="sm" mb="sm">
        {t(`meters.confirm.${kind}.body`)}
      </Text>
      {consumption ? (
        <Text size="sm" mb="md">
          {t('meters.confirm.consumption', { value: consumption })}
        </Text>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('meters.confirm.fix')}
        </Button>
        <Button onClick={onConfirm} loading={pending}>
          {t('meters.confirm.yes')}
        </Button>
      </Group>
    </Modal>
  );
}

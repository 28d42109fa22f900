import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Emergency status in words as well as colour, so it reads without colour vision too. */
export function EmergencyBadge({
  value,
  hideWhenSafe = false,
}: {
  value: boolean | null;
  hideWhenSafe?: boolean;
}) {
  const { t } = useTranslation();

  if (value === true) {
    return (
      <Badge color="red.9" variant="filled" size="lg" radius="sm" data-testid="emergency-badge">
        {t('house.emergency')}
      </Badge>
    );
  }

  if (hideWhenSafe) {
    return null;
  }

  if (value === false) {
    return (
      <Badge color="teal.9" variant="outline" size="lg" radius="sm">
        {t('house.notEmergency')}
      </Badge>
    );
  }

  return (
    <Badge color="gray.7" variant="outline" size="lg" radius="sm">
      {t('house.emergencyUnknown')}
    </Badge>
  );
}

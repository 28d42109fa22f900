import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { MyClaimsList } from './MyClaimsList.js';

/** «Мой профиль → МП‑дом»: the way to add a property, and the claims made so far. */
export function ProfileClaimsPanel() {
  const { t } = useTranslation();

  return (
    <Stack gap="md">
      <Text>{t('property.profile.lead')}</Text>
      <Group gap="sm">
        <Button component={Link} to="/owner/properties/add">
          {t('property.profile.add')}
        </Button>
        <Button component={Link} to="/owner/properties" variant="default">
          {t('property.profile.myPremises')}
        </Button>
      </Group>
      <MyClaimsList />
    </Stack>
  );
}

import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { PropertyClaim } from '../../api/propertyClaims.js';
import { MismatchList } from './MismatchList.js';

/** What came of a sent claim: confirmed at once, or sent for review with each mismatch named. */
export function ClaimResult({ claim, onAnother }: { claim: PropertyClaim; onAnother: () => void }) {
  const { t } = useTranslation();
  const confirmed = claim.status === 'confirmed';

  return (
    <Stack gap="md" data-testid="claim-result" data-status={claim.status}>
      <Alert
        color={confirmed ? 'green' : 'orange'}
        variant="light"
        title={confirmed ? t('property.result.confirmedTitle') : t('property.result.conflictTitle')}
        role="status"
      >
        <Stack gap="sm">
          <Text size="sm">
            {confirmed
              ? t('property.result.confirmedText')
              : t('property.result.conflictText', {
                  organisation: claim.routedOrganisation?.name ?? '—',
                })}
          </Text>
          <MismatchList mismatches={claim.mismatches} />
        </Stack>
      </Alert>
      <Group gap="sm">
        <Button component={Link} to="/owner/properties">
          {t('property.result.toPremises')}
        </Button>
        <Button variant="default" onClick={onAnother}>
          {t('property.result.another')}
        </Button>
      </Group>
    </Stack>
  );
}

import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { OpenClaim } from '../../api/myPremises.js';
import { formatDate } from '../../i18n/format.js';

/** The person's claims whose data differed from the registry and wait for a decision. */
export function ClaimsInReview({ claims }: { claims: OpenClaim[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-claims">
      <Title order={2} size="h3" id="my-claims" mb={4}>
        {t('myPremises.claims.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('myPremises.claims.lead')}
      </Text>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {claims.map((claim) => (
          <li key={claim.id} data-testid="claim-in-review">
            <Group gap="xs" wrap="wrap">
              <Text fw={600} lang="ru" style={{ overflowWrap: 'anywhere' }}>
                {t('myPremises.claims.label', {
                  address: claim.house.address,
                  number: claim.premiseNumber,
                })}
              </Text>
              <Badge color="orange.9" variant="outline" radius="sm">
                {t('myPremises.claims.status')}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('myPremises.claims.meta', {
                cadastral: claim.cadastralNumber,
                share: claim.share,
                date: formatDate(claim.createdAt, language),
              })}
            </Text>
            {claim.mismatches.length > 0 ? (
              <>
                <Text size="sm" mt={4}>
                  {t('myPremises.claims.mismatches')}:
                </Text>
                <List size="sm" spacing={2}>
                  {claim.mismatches.map((mismatch) => (
                    <List.Item key={mismatch.code}>
                      {t(`myPremises.mismatch.${mismatch.code}`)}
                      {mismatch.claimed !== null && mismatch.found !== null
                        ? `: ${t('myPremises.mismatch.values', {
                            claimed: mismatch.claimed,
                            found: mismatch.found,
                          })}`
                        : null}
                    </List.Item>
                  ))}
                </List>
              </>
            ) : null}
          </li>
        ))}
      </Stack>
    </Paper>
  );
}

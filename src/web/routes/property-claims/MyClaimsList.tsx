import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { listMyClaims, withdrawClaim, type PropertyClaim } from '../../api/propertyClaims.js';
import { Loading } from '../../components/Loading.js';
import { Pager } from '../../components/Pager.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';
import { formatDate } from '../../i18n/format.js';
import { shortAddress } from '../houses/address.js';
import { ClaimStatusBadge, MismatchList } from './MismatchList.js';

export const MY_CLAIMS_KEY = ['property-claims', 'mine'] as const;

/**
 * The person's claims to property with their status, the mismatches found and the decision with
 * its comment; a claim waiting in a queue can be withdrawn. Embeddable in other owner pages.
 */
export function MyClaimsList({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const claims = useQuery({
    queryKey: [...MY_CLAIMS_KEY, page],
    queryFn: ({ signal }) => listMyClaims(page, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-property-claims">
      <Stack gap="sm">
        <Title order={headingLevel} size="h3" id="my-property-claims">
          {t('property.mine.title')}
        </Title>
        {claims.isPending ? <Loading /> : null}
        {claims.isError ? (
          <ProblemAlert error={claims.error} onRetry={() => void claims.refetch()} />
        ) : null}
        {claims.data?.items.length === 0 ? <Text size="sm">{t('property.mine.empty')}</Text> : null}
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {claims.data?.items.map((claim) => (
            <ClaimItem key={claim.id} claim={claim} />
          ))}
        </Stack>
        {claims.data ? (
          <Pager
            page={page}
            total={claims.data.total}
            limit={claims.data.limit}
            onChange={setPage}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

function ClaimItem({ claim }: { claim: PropertyClaim }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () => withdrawClaim(claim.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MY_CLAIMS_KEY }),
  });
  const object = t('property.mine.object', {
    kind: t(`property.kinds.${claim.premiseKind}`),
    number: claim.premiseNumber,
    address: shortAddress(claim.house.address),
  });

  return (
    <li data-testid="my-claim" data-status={claim.status}>
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {object}
          </Text>
          <ClaimStatusBadge status={claim.status} />
        </Group>
        <Text size="xs" c="dimmed">
          {claim.cadastralNumber} ·{' '}
          {t('property.mine.sent', { date: formatDate(claim.createdAt, language) })}
        </Text>
        <MismatchList mismatches={claim.mismatches} />
        {claim.status === 'conflict' && claim.routedOrganisation ? (
          <Text size="sm">
            {t('property.mine.routed', { organisation: claim.routedOrganisation.name })}
          </Text>
        ) : null}
        {claim.decision && claim.status !== 'withdrawn' ? (
          <div data-testid="claim-decision">
            <Text size="sm">
              {t('property.mine.decided', {
                date: formatDate(claim.decision.decidedAt, language),
              })}
            </Text>
            {/* On its own line: a Russian date ends in «г.», a joining full stop would double it. */}
            {claim.decision.reason ? (
              <Text size="sm">{t('property.mine.reason', { reason: claim.decision.reason })}</Text>
            ) : null}
          </div>
        ) : null}
        {withdraw.isError ? <ProblemMessage error={withdraw.error} /> : null}
        {claim.status === 'conflict' ? (
          <div>
            <Button
              variant="default"
              size="xs"
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate()}
              aria-label={t('property.mine.withdrawFor', { object })}
            >
              {t('property.mine.withdraw')}
            </Button>
          </div>
        ) : null}
      </Stack>
    </li>
  );
}

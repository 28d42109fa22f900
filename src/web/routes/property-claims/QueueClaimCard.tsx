import {
  Anchor,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { claimFileUrl, decideClaim, type QueueClaim } from '../../api/propertyClaims.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';
import { formatArea, formatDate, formatDay } from '../../i18n/format.js';
import { shortAddress } from '../houses/address.js';
import { ClaimStatusBadge, MismatchList } from './MismatchList.js';

/** Every query of the claim queues; a decision refreshes them all. */
export const QUEUE_KEY = ['property-claims', 'queue'] as const;

/** One claim in an organisation's queue: claimed against registry facts, the scans, a decision. */
export function QueueClaimCard({ claim }: { claim: QueueClaim }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      decideClaim(claim.id, { decision, reason: reason.trim() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: QUEUE_KEY }),
  });
  const headingId = `claim-${claim.id}`;
  const kind = t(`property.kinds.${claim.premiseKind}`);
  const object = `${kind} ${claim.premiseNumber}, ${shortAddress(claim.house.address)}`;
  const name = claim.claimant.displayName;

  const send = (decision: 'approve' | 'reject') => (event?: FormEvent) => {
    event?.preventDefault();

    const short = reason.trim().length < 2;

    setTooShort(short);

    if (!short) {
      decide.mutate(decision);
    }
  };

  return (
    <Paper component="li" withBorder p="md" aria-labelledby={headingId} data-testid="queue-claim">
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {object}
          </Title>
          <ClaimStatusBadge status={claim.status} />
        </Group>
        <Text size="sm">
          {t('property.queue.claimant', { name })} ·{' '}
          {t('property.queue.sent', { date: formatDate(claim.createdAt, language) })}
        </Text>
        <MismatchList mismatches={claim.mismatches} reader="reviewer" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Facts title={t('property.queue.claimed')}>
            <Fact label={t('property.queue.fields.address')} value={claim.house.address} />
            <Fact label={t('property.queue.fields.cadastral')} value={claim.cadastralNumber} />
            <Fact label={t('property.queue.fields.kind')} value={kind} />
            <Fact label={t('property.queue.fields.number')} value={claim.premiseNumber} />
            <Fact
              label={t('property.queue.fields.area')}
              value={formatArea(claim.area, language)}
            />
            <Fact label={t('property.queue.fields.share')} value={claim.share} />
            <Fact
              label={t('property.queue.fields.title')}
              value={[
                t(`property.titleKinds.${claim.title.kind}`),
                claim.title.number ? `№ ${claim.title.number}` : '',
                claim.title.date ? formatDay(claim.title.date, language) : '',
              ]
                .filter(Boolean)
                .join(', ')}
            />
          </Facts>
          <Facts title={t('property.queue.registry')} testId="registry-facts">
            {claim.registry ? (
              <>
                <Fact label={t('property.queue.fields.address')} value={claim.registry.address} />
                <Fact
                  label={t('property.queue.fields.kind')}
                  value={t(`property.kinds.${claim.registry.kind}`)}
                />
                <Fact
                  label={t('property.queue.fields.number')}
                  value={claim.registry.premiseNumber ?? '—'}
                />
                <Fact
                  label={t('property.queue.fields.area')}
                  value={formatArea(claim.registry.area, language)}
                />
                {claim.registry.extractedOn ? (
                  <Text size="xs" c="dimmed">
                    {t('property.queue.extractedOn', {
                      date: formatDay(claim.registry.extractedOn, language),
                    })}
                  </Text>
                ) : null}
                <Text size="sm" fw={600}>
                  {t('property.queue.owners')}
                </Text>
                <List size="sm">
                  {claim.registry.rights.map((right) => (
                    <List.Item key={right.registrationNumber}>
                      {t('property.queue.owner', {
                        name: right.ownerName,
                        share: right.share,
                        number: right.registrationNumber,
                        date: formatDay(right.registeredOn, language),
                      })}
                    </List.Item>
                  ))}
                </List>
              </>
            ) : (
              <Text size="sm">{t('property.queue.noRegistry')}</Text>
            )}
          </Facts>
        </SimpleGrid>
        <div>
          <Text size="sm" fw={600}>
            {t('property.queue.scans')}
          </Text>
          <Group gap="md">
            {claim.files.map((file) => (
              <Anchor
                key={file.id}
                href={claimFileUrl(claim.id, file.id)}
                target="_blank"
                rel="noopener"
                size="sm"
                aria-label={t('property.queue.openScan', { name: file.originalName })}
              >
                {file.originalName}
              </Anchor>
            ))}
          </Group>
        </div>
        {claim.status === 'conflict' ? (
          // Named after the claim, not the comment field, so the form and the field do not share
          // one accessible name.
          <form onSubmit={send('approve')} noValidate aria-labelledby={headingId}>
            <Stack gap="sm">
              <Textarea
                label={t('property.queue.reason')}
                description={t('property.queue.reasonHint')}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                maxLength={2000}
                autosize
                minRows={2}
                required
                error={tooShort ? t('property.queue.reasonShort') : undefined}
              />
              {decide.isError ? <ProblemMessage error={decide.error} /> : null}
              <Group gap="sm">
                <Button
                  type="submit"
                  loading={decide.isPending && decide.variables === 'approve'}
                  aria-label={t('property.queue.approveNamed', { name, object })}
                >
                  {t('property.queue.approve')}
                </Button>
                <Button
                  color="red"
                  variant="outline"
                  onClick={() => send('reject')()}
                  loading={decide.isPending && decide.variables === 'reject'}
                  aria-label={t('property.queue.rejectNamed', { name, object })}
                >
                  {t('property.queue.reject')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : claim.decision?.reason ? (
          <Text size="sm">{t('property.mine.reason', { reason: claim.decision.reason })}</Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

function Facts({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" fw={700}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      <Text span c="dimmed" size="sm">
        {label}:
      </Text>{' '}
      {value}
    </Text>
  );
}

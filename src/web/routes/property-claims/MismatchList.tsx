import { Badge, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { ClaimStatus, Mismatch, PremiseKind } from '../../api/propertyClaims.js';
import { formatArea } from '../../i18n/format.js';

// Shades that reach WCAG AA contrast as small text on white: Mantine's orange and green do not,
// even at shade 9, so a confirmed right is teal and a claim under review blue.
const STATUS_COLOURS: Record<ClaimStatus, string> = {
  confirmed: 'teal.9',
  approved: 'teal.9',
  conflict: 'blue.9',
  rejected: 'red.9',
  withdrawn: 'gray.7',
};

/** The claim's status as a badge, coloured by whether the right is confirmed. */
export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  const { t } = useTranslation();

  return (
    <Badge color={STATUS_COLOURS[status]} variant="outline" radius="sm" data-testid="claim-status">
      {t(`property.status.${status}`)}
    </Badge>
  );
}

/** Each difference from the registry in plain words, with what was claimed and what was found. */
export function MismatchList({
  mismatches,
  reader = 'claimant',
}: {
  mismatches: Mismatch[];
  /** The claimant reads «вы указали», the organisation deciding it «заявитель указал». */
  reader?: 'claimant' | 'reviewer';
}) {
  const { t } = useTranslation();
  const describe = useMismatchText(reader);

  if (mismatches.length === 0) {
    return null;
  }

  return (
    <div>
      <Text size="sm" fw={600}>
        {t('property.result.mismatches')}
      </Text>
      <List size="sm" spacing={2}>
        {mismatches.map((mismatch) => (
          <List.Item key={mismatch.code} data-testid="mismatch" data-code={mismatch.code}>
            {describe(mismatch)}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

/** A mismatch as one sentence in the reader's language; kinds and areas are worded too. */
export function useMismatchText(reader: 'claimant' | 'reviewer' = 'claimant') {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'ru';

  const value = (code: Mismatch['code'], raw: string | null) => {
    if (raw === null) {
      return t('property.mismatch.noValue');
    }

    if (code === 'kind') {
      return t(`property.kinds.${raw as PremiseKind}`);
    }

    return code === 'area' ? formatArea(raw, language) : raw;
  };

  return (mismatch: Mismatch) => {
    const values = {
      claimed: value(mismatch.code, mismatch.claimed),
      found: value(mismatch.code, mismatch.found),
    };

    return reader === 'reviewer'
      ? t(`property.reviewerMismatch.${mismatch.code}`, values)
      : t(`property.mismatch.${mismatch.code}`, values);
  };
}

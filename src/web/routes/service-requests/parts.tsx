import { Alert, Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type {
  Deadline,
  RequestStatus,
  ServiceRequest,
  Text as Words,
} from '../../api/serviceRequests.js';
import { useNow } from '../../components/useNow.js';
import type deadlineRulesEn from '../../i18n/features/serviceRequests.en.json';

const STATUS_COLOURS: Record<RequestStatus, string> = {
  new: 'blue.8',
  accepted: 'indigo.8',
  in_progress: 'yellow.9',
  waiting_resident: 'orange.9',
  done: 'teal.9',
  rejected: 'gray.7',
  reopened: 'grape.8',
};

export function useWords() {
  const { i18n } = useTranslation();

  return (text: Words) => (i18n.language.startsWith('en') ? text.en : text.ru);
}

export function StatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();

  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" data-testid="request-status">
      {t(`serviceRequests.status.${status}`)}
    </Badge>
  );
}

export function PriorityBadge({ request }: { request: Pick<ServiceRequest, 'priority'> }) {
  const { t } = useTranslation();

  if (request.priority === 'normal') {
    return null;
  }

  return (
    <Badge color={request.priority === 'emergency' ? 'red.9' : 'orange.9'} variant="filled">
      {t(`serviceRequests.priority.${request.priority}`)}
    </Badge>
  );
}

/** «2 д 3 ч», «45 мин»: remaining time in the largest two units. */
export function formatRemaining(
  ms: number,
  t: (
    key: 'serviceRequests.units.d' | 'serviceRequests.units.h' | 'serviceRequests.units.m',
  ) => string,
) {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;

  if (days > 0) {
    return `${days} ${t('serviceRequests.units.d')} ${hours} ${t('serviceRequests.units.h')}`;
  }

  return hours > 0
    ? `${hours} ${t('serviceRequests.units.h')} ${mins} ${t('serviceRequests.units.m')}`
    : `${mins} ${t('serviceRequests.units.m')}`;
}

/** Each deadline with its rule, due time in the house's zone, and what is left (or overdue). */
export function Deadlines({
  request,
  compact = false,
}: {
  request: ServiceRequest;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const shown = compact ? request.deadlines.filter((d) => !d.metAt).slice(0, 1) : request.deadlines;
  const format = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: request.house.timeZone,
    }).format(new Date(iso));

  return (
    <Stack gap={4} data-testid="deadlines">
      {shown.map((d: Deadline) => {
        const left = new Date(d.dueAt).getTime() - now;
        const overdue = !d.metAt && left < 0;

        return (
          <Group key={d.kind} gap="xs" wrap="wrap" data-testid={`deadline-${d.kind}`}>
            <Text size="sm" fw={600}>
              {t(`serviceRequests.deadline.${d.kind}`)}:
            </Text>
            <Text size="sm">{format(d.dueAt)}</Text>
            {d.metAt ? (
              <Badge color="teal.9" variant="outline">
                {t('serviceRequests.deadline.met')}
              </Badge>
            ) : overdue ? (
              <Badge color="red.9" variant="filled" data-testid="overdue">
                {t('serviceRequests.deadline.overdue', { time: formatRemaining(left, t) })}
              </Badge>
            ) : (
              <Badge color="blue.8" variant="outline" data-testid="remaining">
                {t('serviceRequests.deadline.left', { time: formatRemaining(left, t) })}
              </Badge>
            )}
            {compact ? null : (
              <Text size="xs" c="dimmed">
                {t(`serviceRequests.deadlineRules.${d.ruleId as DeadlineRuleKey}`, {
                  defaultValue: d.rule,
                })}
              </Text>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}

export function EmergencyInstructions({ texts }: { texts: Words[] }) {
  const { t } = useTranslation();
  const words = useWords();

  if (texts.length === 0) {
    return null;
  }

  return (
    <Alert
      color="red"
      variant="filled"
      title={t('serviceRequests.emergency.title')}
      role="alert"
      data-testid="emergency-instructions"
    >
      <List spacing={4}>
        {texts.map((text) => (
          <List.Item key={text.ru}>{words(text)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

type DeadlineRuleKey = keyof (typeof deadlineRulesEn)['deadlineRules'];

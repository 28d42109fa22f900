import { Alert, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../api/client.js';
import { describeError } from './ProblemAlert.js';
import { problemFacts } from './problemFacts.js';
import { useNow } from './useNow.js';

/** An alert for a failed identity step; `children` adds a way out (resend, recover access). */
export function ProblemMessage({
  error,
  title,
  id,
  children,
}: {
  error: unknown;
  title?: string;
  id?: string;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const hasRetry = error instanceof ApiError && error.text('retryAt') !== undefined;
  const now = useNow(hasRetry);
  const facts = problemFacts(error, t, i18n.resolvedLanguage ?? 'ru', now);

  return (
    <Alert color="red" variant="outline" title={title ?? t('errors.title')} role="alert" id={id}>
      <Stack gap={4}>
        <Text size="sm" data-testid="problem-detail">
          {describeError(error, t)}
        </Text>
        {facts.map((fact) => (
          <Text size="sm" key={fact} data-testid="problem-fact">
            {fact}
          </Text>
        ))}
        {error instanceof ApiError && error.fieldErrors.length > 0 ? (
          <ul>
            {error.fieldErrors.map((fieldError) => (
              <li key={`${fieldError.field}:${fieldError.rule}`}>
                <Text size="sm">{fieldError.message}</Text>
              </li>
            ))}
          </ul>
        ) : null}
        {children}
      </Stack>
    </Alert>
  );
}

import type { TFunction } from 'i18next';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../api/client.js';
import type { FieldError } from '../api/types.js';

/**
 * Shows a failed request. The server's problem `detail` is already in the visitor's language;
 * only faults without a server answer (no network, unreadable reply) use our own texts.
 */
export function ProblemAlert({
  error,
  title,
  onRetry,
  describeField,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  /** Words for a field's problem in the visitor's language, where the form knows the rules. */
  describeField?: (fieldError: FieldError) => string;
}) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : undefined;
  const message = describeError(error, t);

  return (
    <Alert color="red" variant="outline" title={title ?? t('errors.title')} role="alert">
      <Stack gap="xs">
        <Text size="sm" data-testid="problem-detail">
          {message}
        </Text>
        {apiError?.fieldErrors.length ? (
          <ul>
            {apiError.fieldErrors.map((fieldError) => (
              <li key={`${fieldError.field}:${fieldError.rule}`}>
                <Text size="sm">
                  {describeField
                    ? describeField(fieldError)
                    : `${fieldError.field}: ${fieldError.message}`}
                </Text>
              </li>
            ))}
          </ul>
        ) : null}
        {apiError?.requestId ? (
          <Text size="xs" c="dimmed">
            {t('errors.requestId', { id: apiError.requestId })}
          </Text>
        ) : null}
        {onRetry ? (
          <div>
            <Button variant="default" size="xs" onClick={onRetry}>
              {t('errors.retry')}
            </Button>
          </div>
        ) : null}
      </Stack>
    </Alert>
  );
}

type Translate = TFunction;

export function describeError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.code === 'network_error' || error.code === 'unexpected_response') {
      // A template key makes the typed t() walk every key; name the two keys explicitly.
      return error.code === 'network_error'
        ? t('errors.network_error')
        : t('errors.unexpected_response');
    }

    return error.detail ?? t('errors.unexpected_response');
  }

  return t('errors.unexpected_response');
}

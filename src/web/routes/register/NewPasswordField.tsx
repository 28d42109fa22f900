import { PasswordInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PASSWORD_LIMITS, passwordRuleStates } from './passwordRules.js';

/**
 * A new password with its rules under it; each rule says "done" or "not yet" in words, not only
 * by colour. The rules are the field's description, so Mantine ties them (and any error) to the
 * input through aria-describedby and a screen reader reads them with the field.
 */
export function NewPasswordField({
  value,
  onChange,
  error,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  label?: string;
}) {
  const { t } = useTranslation();
  const states = passwordRuleStates(value);

  return (
    <PasswordInput
      label={label ?? t('password.new')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      autoComplete="new-password"
      required
      error={error}
      maxLength={1024}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      description={
        <>
          {states.map((state) => (
            <Text
              key={state.rule}
              component="span"
              size="sm"
              display="block"
              c={state.met ? 'teal.9' : undefined}
              data-testid={`password-rule-${state.rule}`}
              data-met={state.met}
            >
              {state.met ? '✓ ' : '○ '}
              {t(`password.rules.${state.rule}`, PASSWORD_LIMITS)}
              {' — '}
              {state.met ? t('password.met') : t('password.notYet')}
            </Text>
          ))}
          <Text component="span" size="sm" display="block">
            {'○ '}
            {t('password.rules.common')}
          </Text>
        </>
      }
    />
  );
}

import { Button, Group, TextInput } from '@mantine/core';
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import classes from './HouseSearchForm.module.css';

/**
 * The address box with its button, as a search landmark. The parent decides what submitting
 * means (navigate to results, or run the search at once).
 */
export function HouseSearchForm({
  value,
  onChange,
  onSubmit,
  size = 'md',
}: {
  value: string;
  onChange: (value: string) => void;
  onSubmit: (value: string) => void;
  size?: 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(value.trim());
  };

  return (
    <form role="search" onSubmit={submit} aria-label={t('search.title')}>
      <TextInput
        id={id}
        type="search"
        label={t('search.label')}
        description={t('search.description')}
        placeholder={t('search.placeholder')}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        size={size}
        autoComplete="off"
        enterKeyHint="search"
        // The button sits beside the box only, so label and hint keep the full width on a phone.
        inputContainer={(input) => (
          <Group gap="sm" wrap="nowrap" align="stretch">
            <div className={classes.box}>{input}</div>
            <Button type="submit" size={size}>
              {t('search.submit')}
            </Button>
          </Group>
        )}
      />
    </form>
  );
}

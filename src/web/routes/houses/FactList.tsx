import { Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import classes from './FactList.module.css';

/** `lang` marks registry text, which stays Russian in the English interface. */
export type Fact = { label: string; value: ReactNode | null; testId?: string; lang?: string };

/** A titled group of facts as a definition list; unknown values say so rather than show zero. */
export function FactList({ id, title, facts }: { id: string; title: string; facts: Fact[] }) {
  const { t } = useTranslation();

  return (
    <Paper component="section" withBorder p="md" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      <dl className={classes.list}>
        {facts.map((fact) => (
          <div key={fact.label} className={classes.row}>
            <dt className={classes.term}>{fact.label}</dt>
            <dd
              className={classes.value}
              data-testid={fact.testId}
              lang={fact.value ? fact.lang : undefined}
            >
              {fact.value ?? (
                <Text span c="dimmed" fs="italic">
                  {t('house.noData')}
                </Text>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </Paper>
  );
}

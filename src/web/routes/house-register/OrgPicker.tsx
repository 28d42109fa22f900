import { Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { OrgOption } from './useOrgChoice.js';

/** The organisation a page shows: a plain name for most staff, a choice for those in several. */
export function OrgPicker({
  orgs,
  chosen,
  onChoose,
}: {
  orgs: OrgOption[];
  chosen: OrgOption;
  onChoose: (id: string) => void;
}) {
  const { t } = useTranslation();

  if (orgs.length < 2) {
    return (
      <Text fw={600} lang="ru" data-testid="org-name">
        {chosen.name}
      </Text>
    );
  }

  return (
    <Select
      label={t('houseRegister.organisation')}
      data={orgs.map((org) => ({ value: org.id, label: org.name }))}
      value={chosen.id}
      onChange={(id) => id && onChoose(id)}
      allowDeselect={false}
      maw="28rem"
    />
  );
}

import { Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { OrgOption } from '../house-register/useOrgChoice.js';

/** The organisation a page works for, when the person works for more than one. */
export function OrgSelect({
  orgs,
  chosen,
  choose,
}: {
  orgs: OrgOption[];
  chosen: OrgOption | undefined;
  choose: (id: string) => void;
}) {
  const { t } = useTranslation();

  if (orgs.length <= 1) {
    return chosen ? <Text fw={600}>{chosen.name}</Text> : null;
  }

  return (
    <Select
      label={t('serviceRequests.queue.organisation')}
      data={orgs.map((o) => ({ value: o.id, label: o.name }))}
      value={chosen?.id ?? null}
      onChange={(id) => id && choose(id)}
      allowDeselect={false}
      w="24rem"
    />
  );
}

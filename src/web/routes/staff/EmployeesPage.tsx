import { Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { usePageTitle } from '../../components/usePageTitle.js';
import { useSession } from '../../session/useSession.js';
import { EmployeeList } from './EmployeeList.js';
import { InviteForm } from './InviteForm.js';

/**
 * /org/staff: an organisation admin's employees, their roles and invitations. An admin of several
 * organisations picks which one; the API decides what each may see and change.
 */
export function EmployeesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const organisations = new Map<string, string>();

  for (const grant of session.data?.user.roles ?? []) {
    if (grant.role === 'organisation_admin' && grant.organisationId) {
      organisations.set(grant.organisationId, grant.organisationName ?? grant.organisationId);
    }
  }

  const options = [...organisations].map(([value, label]) => ({ value, label }));
  const [chosen, setChosen] = useState<string | null>(null);
  const organisationId = chosen ?? options[0]?.value ?? null;

  usePageTitle(t('staff.title'));

  return (
    <Stack gap="lg" maw="60rem">
      <Title order={1}>{t('staff.title')}</Title>
      {options.length === 0 ? <Text>{t('staff.notAdmin')}</Text> : null}
      {options.length > 1 ? (
        <Select
          label={t('staff.organisation')}
          data={options}
          value={organisationId}
          onChange={setChosen}
          allowDeselect={false}
          maw="30rem"
        />
      ) : null}
      {options.length === 1 ? <Text fw={600}>{options[0]?.label}</Text> : null}
      {organisationId ? (
        <>
          <EmployeeList organisationId={organisationId} />
          <InviteForm organisationId={organisationId} />
        </>
      ) : null}
    </Stack>
  );
}

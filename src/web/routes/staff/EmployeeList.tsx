import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  listEmployees,
  ORGANISATION_ROLES,
  removeEmployee,
  setEmployeeRoles,
  type Employee,
} from '../../api/access.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';
import { formatDate } from '../../i18n/format.js';
import { useSession } from '../../session/useSession.js';
import { roleName } from './roleName.js';

const employeesKey = (organisationId: string) => ['employees', organisationId] as const;

export function EmployeeList({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const employees = useQuery({
    queryKey: employeesKey(organisationId),
    queryFn: ({ signal }) => listEmployees(organisationId, signal),
    staleTime: 0,
  });

  return (
    <section aria-labelledby="employees-heading">
      <Title order={2} size="h3" id="employees-heading" mb="sm">
        {t('staff.employees')}
      </Title>
      {employees.isPending ? <Loading /> : null}
      {employees.isError ? (
        <ProblemAlert error={employees.error} onRetry={() => void employees.refetch()} />
      ) : null}
      {employees.data?.length === 0 ? <Text>{t('staff.none')}</Text> : null}
      <Stack component="ul" gap="sm" p={0} style={{ listStyle: 'none' }}>
        {employees.data?.map((employee) => (
          <EmployeeItem key={employee.userId} employee={employee} organisationId={organisationId} />
        ))}
      </Stack>
    </section>
  );
}

function EmployeeItem({
  employee,
  organisationId,
}: {
  employee: Employee;
  organisationId: string;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession();
  const [roles, setRoles] = useState<string[]>(employee.roles);
  const [empty, setEmpty] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: employeesKey(organisationId) });
  const save = useMutation({
    mutationFn: (next: string[]) => setEmployeeRoles(organisationId, employee.userId, next),
    onSuccess: () => void refresh(),
  });
  const remove = useMutation({
    mutationFn: () => removeEmployee(organisationId, employee.userId),
    onSuccess: () => void refresh(),
  });
  const self = session.data?.user.id === employee.userId;
  const changed = [...roles].sort().join() !== [...employee.roles].sort().join();
  const headingId = `employee-${employee.userId}`;

  return (
    <Paper component="li" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text fw={600} id={headingId}>
            {employee.displayName}
          </Text>
          <Text size="sm" c="dimmed">
            {t('staff.since', { date: formatDate(employee.since, i18n.resolvedLanguage ?? 'ru') })}
          </Text>
        </Group>
        <Checkbox.Group
          label={t('staff.rolesOf', { name: employee.displayName })}
          value={roles}
          onChange={(next) => {
            setRoles(next);
            setEmpty(next.length === 0);
          }}
          error={empty ? t('staff.atLeastOne') : undefined}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing={6}>
            {ORGANISATION_ROLES.map((role) => (
              <Checkbox key={role} value={role} label={roleName(role, t, i18n)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {save.isError ? <ProblemMessage error={save.error} /> : null}
        {remove.isError ? <ProblemMessage error={remove.error} /> : null}
        <Group gap="sm">
          <Button
            size="xs"
            disabled={!changed || roles.length === 0}
            loading={save.isPending}
            onClick={() => save.mutate(roles)}
          >
            {t('staff.saveRoles')}
          </Button>
          {self ? null : (
            <Button
              size="xs"
              variant="default"
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate()}
              aria-label={t('staff.removeNamed', { name: employee.displayName })}
            >
              {t('staff.remove')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

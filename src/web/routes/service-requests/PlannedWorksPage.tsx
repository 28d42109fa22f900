import { Anchor, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { actUrl, completeWork, listWorks, planWork } from '../../api/serviceRequests.js';
import { listOrgHouses } from '../../api/houseRegister.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { useOrgChoice } from '../house-register/useOrgChoice.js';
import { OrgSelect } from './OrgPicker.js';
import { WorksList } from './WorksList.js';

/** /org/requests/planned-works: the calendar of planned works, a form to plan one, and acts. */
export function PlannedWorksPage() {
  const { t } = useTranslation();
  const { orgs, chosen, choose } = useOrgChoice();
  const client = useQueryClient();
  const [form, setForm] = useState({
    houseId: '',
    kind: 'maintenance',
    title: '',
    description: '',
    startsOn: '',
    endsOn: '',
  });

  usePageTitle(t('serviceRequests.works.title'));

  const works = useQuery({
    queryKey: ['service-requests', 'works', chosen?.id],
    queryFn: ({ signal }) => {
      const from = new Date(Date.now() - 45 * 86_400_000).toISOString().slice(0, 10);

      return listWorks(
        chosen!.id,
        { from, to: new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10) },
        signal,
      );
    },
    enabled: Boolean(chosen),
  });
  const houses = useQuery({
    queryKey: ['service-requests', 'houses', chosen?.id],
    queryFn: ({ signal }) => listOrgHouses(chosen!.id, { limit: 100 }, signal),
    enabled: Boolean(chosen),
  });
  const plan = useMutation({
    mutationFn: () => planWork(chosen!.id, { ...form, endsOn: form.endsOn || form.startsOn }),
    onSuccess: async () => {
      setForm((f) => ({ ...f, title: '', description: '' }));
      await client.invalidateQueries({ queryKey: ['service-requests', 'works'] });
    },
  });
  const complete = useMutation({
    mutationFn: (id: string) => completeWork(chosen!.id, id, t('serviceRequests.works.doneNote')),
    onSuccess: () => client.invalidateQueries({ queryKey: ['service-requests', 'works'] }),
  });
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
      setForm((f) => ({ ...f, [key]: e.currentTarget.value })),
  });

  return (
    <Stack gap="md" maw="56rem">
      <Title order={1}>{t('serviceRequests.works.title')}</Title>
      <OrgSelect orgs={orgs} chosen={chosen} choose={choose} />
      <Card withBorder padding="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            plan.mutate();
          }}
        >
          <Stack gap="xs">
            <Text fw={700}>{t('serviceRequests.works.plan')}</Text>
            <Group grow wrap="wrap">
              <Select
                label={t('serviceRequests.works.house')}
                data={(houses.data?.items ?? []).map((h) => ({ value: h.id, label: h.address }))}
                value={form.houseId || null}
                onChange={(v) => setForm((f) => ({ ...f, houseId: v ?? '' }))}
                required
              />
              <Select
                label={t('serviceRequests.works.kindLabel')}
                data={['maintenance', 'current_repair'].map((k) => ({
                  value: k,
                  label: t(`serviceRequests.works.kind.${k as 'maintenance'}`),
                }))}
                value={form.kind}
                onChange={(v) => setForm((f) => ({ ...f, kind: v ?? 'maintenance' }))}
                allowDeselect={false}
              />
            </Group>
            <TextInput label={t('serviceRequests.works.workTitle')} required {...field('title')} />
            <TextInput label={t('serviceRequests.works.description')} {...field('description')} />
            <Group grow>
              <TextInput
                type="date"
                label={t('serviceRequests.works.startsOn')}
                required
                {...field('startsOn')}
              />
              <TextInput
                type="date"
                label={t('serviceRequests.works.endsOn')}
                {...field('endsOn')}
              />
            </Group>
            <Group>
              <Button type="submit" loading={plan.isPending}>
                {t('serviceRequests.works.planButton')}
              </Button>
            </Group>
            {plan.isError ? <ProblemAlert error={plan.error} /> : null}
          </Stack>
        </form>
      </Card>
      {works.isError ? <ProblemAlert error={works.error} /> : null}
      {works.data ? (
        <WorksList
          works={works.data}
          actions={(work) =>
            work.status === 'planned' ? (
              <Button
                size="xs"
                variant="light"
                loading={complete.isPending && complete.variables === work.id}
                onClick={() => complete.mutate(work.id)}
              >
                {t('serviceRequests.works.complete')}
              </Button>
            ) : work.status === 'done' ? (
              <Anchor href={actUrl(chosen!.id, work.id)} target="_blank" size="sm">
                {t('serviceRequests.works.act')}
              </Anchor>
            ) : null
          }
        />
      ) : null}
    </Stack>
  );
}

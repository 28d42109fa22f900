import { Alert, Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { getMeterSettings, putMeterSettings, type MeterSettings } from '../../api/meters.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

/** The organisation's reading window, policies and norms; only its administrator may save. */
export function SettingsPanel({ orgId }: { orgId: string }) {
  const settings = useQuery({
    queryKey: ['meter-settings', orgId],
    queryFn: ({ signal }) => getMeterSettings(orgId, signal),
  });

  if (settings.isPending) {
    return <Loading />;
  }

  if (settings.isError) {
    return <ProblemAlert error={settings.error} />;
  }

  return <SettingsForm orgId={orgId} initial={settings.data} />;
}

function SettingsForm({ orgId, initial }: { orgId: string; initial: MeterSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const save = useMutation({
    mutationFn: () => putMeterSettings(orgId, draft),
    onSuccess: (answer) => client.setQueryData(['meter-settings', orgId], answer),
  });
  const set = (patch: Partial<MeterSettings>) => setDraft({ ...draft, ...patch });
  const day = (v: string | number) => (typeof v === 'number' ? v : Number(v));

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm" maw="36rem">
        <Group grow>
          <NumberInput
            label={t('meters.settings.startDay')}
            value={draft.windowStartDay}
            onChange={(v) => set({ windowStartDay: day(v) })}
            min={1}
            max={31}
          />
          <NumberInput
            label={t('meters.settings.endDay')}
            value={draft.windowEndDay}
            onChange={(v) => set({ windowEndDay: day(v) })}
            min={1}
            max={31}
          />
        </Group>
        <Select
          label={t('meters.settings.latePolicy')}
          data={(['next_period', 'not_counted'] as const).map((v) => ({
            value: v,
            label: t(`meters.settings.late.${v}`),
          }))}
          value={draft.latePolicy}
          onChange={(v) => v && set({ latePolicy: v as MeterSettings['latePolicy'] })}
          allowDeselect={false}
        />
        <Select
          label={t('meters.settings.decreasePolicy')}
          data={(['flag', 'refuse'] as const).map((v) => ({
            value: v,
            label: t(`meters.settings.decrease.${v}`),
          }))}
          value={draft.decreasePolicy}
          onChange={(v) => v && set({ decreasePolicy: v as MeterSettings['decreasePolicy'] })}
          allowDeselect={false}
        />
        <Group grow>
          <NumberInput
            label={t('meters.settings.jumpFactor')}
            value={draft.jumpFactor}
            onChange={(v) => set({ jumpFactor: day(v) })}
            min={2}
            max={100}
          />
          <NumberInput
            label={t('meters.settings.tolerance')}
            value={draft.imbalanceTolerancePercent}
            onChange={(v) => set({ imbalanceTolerancePercent: day(v) })}
            min={0}
            max={100}
          />
        </Group>
        <Group grow>
          {(['cold_water', 'hot_water', 'electricity'] as const).map((r) => (
            <TextInput
              key={r}
              label={t('meters.settings.norm', { resource: t(`meters.resource.${r}`) })}
              inputMode="decimal"
              value={draft.norms[r] ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value.replace(',', '.');
                const norms = { ...draft.norms };

                if (value) {
                  norms[r] = value;
                } else {
                  delete norms[r];
                }

                set({ norms });
              }}
            />
          ))}
        </Group>
        {save.isError ? <ProblemAlert error={save.error} /> : null}
        {save.isSuccess ? <Alert color="green">{t('meters.settings.saved')}</Alert> : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('meters.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

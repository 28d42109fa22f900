import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/client.js';
import {
  submitReading,
  uploadMeterPhoto,
  type Meter,
  type ReadingForm,
  type SubmitResult,
  type Zone,
} from '../../api/meters.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ConfirmReading } from './ConfirmReading.js';
import { formatDay, formatPeriod, formatValue } from './format.js';

type Refusal = { zone: Zone; code: string; previous: string | null };

const CONFIRMABLE = ['reading_rollover_unconfirmed', 'reading_jump_unconfirmed'];

/** One meter: its last values, a field per tariff zone, and every refusal explained. */
export function MeterCard({
  meter,
  form,
  premiseId,
}: {
  meter: Meter;
  form: ReadingForm;
  premiseId: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const client = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const [photo, setPhoto] = useState<File | null>(null);
  const [result, setResult] = useState<SubmitResult | null>(null);
  const [asking, setAsking] = useState<ApiError | null>(null);
  const title = t(`meters.resource.${meter.resource}`);

  const send = useMutation({
    mutationFn: async (confirm: { rollover: boolean; jump: boolean }) => {
      const photoFileId = photo ? (await uploadMeterPhoto(meter.id, photo)).fileId : undefined;

      return submitReading(meter.id, {
        values: meter.zones.map((zone) => ({ zone, value: values[zone] ?? '' })),
        confirm,
        ...(photoFileId ? { photoFileId } : {}),
      });
    },
    onSuccess: (answer) => {
      setResult(answer);
      setAsking(null);
      setValues({});
      setPhoto(null);
      void client.invalidateQueries({ queryKey: ['premise-meters', premiseId] });
      void client.invalidateQueries({ queryKey: ['consumption', premiseId] });
    },
    onError: (error) => {
      setResult(null);

      if (error instanceof ApiError && CONFIRMABLE.includes(error.code)) {
        setAsking(error);
      }
    },
  });

  const refusal = send.error instanceof ApiError ? send.error : null;
  const zones = (refusal?.extensions.zones as Refusal[] | undefined) ?? [];
  const lastOf = (zone: Zone) => meter.last.find((r) => r.zone === zone);

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-label={title}
      data-testid={`meter-${meter.resource}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} size="h4">
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {t('meters.serial', { serial: meter.serialNumber })}
              {meter.nextVerificationOn
                ? ` · ${t('meters.verifiedUntil', { date: formatDay(meter.nextVerificationOn, lang) })}`
                : ''}
            </Text>
          </Stack>
          {meter.verificationExpired ? (
            <Badge color="red">{t('meters.verificationExpired')}</Badge>
          ) : null}
        </Group>

        {meter.verificationExpired ? (
          <Alert color="red" variant="light">
            {t('meters.verificationExpiredHelp')}
          </Alert>
        ) : null}

        <form
          onSubmit={(event) => {
            event.preventDefault();
            send.mutate({ rollover: false, jump: false });
          }}
        >
          <Stack gap="sm">
            <Group align="flex-end" gap="md" wrap="wrap">
              {meter.zones.map((zone) => {
                const last = lastOf(zone);
                const zoneRefusal = zones.find((z) => z.zone === zone);

                return (
                  <TextInput
                    key={zone}
                    label={
                      meter.zones.length > 1
                        ? t(`meters.zone.${zone}`)
                        : t('meters.value', { unit: t(`meters.unit.${meter.unit}`) })
                    }
                    description={
                      last
                        ? t('meters.last', {
                            value: formatValue(last.value, lang),
                            period: formatPeriod(last.period, lang),
                          })
                        : undefined
                    }
                    inputMode="decimal"
                    autoComplete="off"
                    required
                    value={values[zone] ?? ''}
                    onChange={(event) =>
                      setValues({ ...values, [zone]: event.currentTarget.value })
                    }
                    error={
                      zoneRefusal
                        ? t(`meters.code.${zoneRefusal.code}`, {
                            defaultValue: refusal?.detail ?? '',
                          })
                        : undefined
                    }
                    w="14rem"
                    name={`${meter.resource}-${zone}`}
                  />
                );
              })}
            </Group>
            <FileInput
              label={t('meters.photo')}
              description={t('meters.photoHelp')}
              accept="image/jpeg,image/png,image/heic,image/heif"
              value={photo}
              onChange={setPhoto}
              clearable
              maw="24rem"
            />
            <Group>
              <Button type="submit" loading={send.isPending} disabled={!form.targetPeriod}>
                {form.targetPeriod
                  ? t('meters.submitFor', { period: formatPeriod(form.targetPeriod, lang) })
                  : t('meters.submit')}
              </Button>
            </Group>
          </Stack>
        </form>

        {refusal && !CONFIRMABLE.includes(refusal.code) ? (
          <Alert color="red" title={t('meters.refused')} role="alert" data-testid="reading-refused">
            <Text size="sm">
              {t(`meters.code.${refusal.code}`, { defaultValue: refusal.detail ?? refusal.code })}
            </Text>
            {zones.map((z) =>
              z.previous ? (
                <Text size="sm" key={z.zone}>
                  {t('meters.previousWas', {
                    zone: t(`meters.zone.${z.zone}`),
                    value: formatValue(z.previous, lang),
                  })}
                </Text>
              ) : null,
            )}
            {refusal.text('hint') === 'meter_replaced' ? (
              <Text size="sm">{t('meters.hintReplaced')}</Text>
            ) : null}
          </Alert>
        ) : null}
        {send.error && !(send.error instanceof ApiError) ? (
          <ProblemAlert error={send.error} />
        ) : null}

        {result ? <Accepted result={result} /> : null}

        <ConfirmReading
          error={asking}
          pending={send.isPending}
          onCancel={() => setAsking(null)}
          onConfirm={() =>
            send.mutate({
              rollover: asking?.code === 'reading_rollover_unconfirmed',
              jump: asking?.code === 'reading_jump_unconfirmed',
            })
          }
        />
      </Stack>
    </Paper>
  );
}

function Accepted({ result }: { result: SubmitResult }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const used = result.readings
    .map((r) => (r.consumption === null ? null : formatValue(r.consumption, lang)))
    .filter((c) => c !== null)
    .join(' / ');

  return (
    <Stack gap="xs">
      <Alert
        color="green"
        title={t('meters.accepted', { period: formatPeriod(result.period, lang) })}
        data-testid="reading-accepted"
      >
        {used ? t('meters.consumed', { value: used }) : null}
        {result.late ? ` ${t('meters.acceptedLate')}` : ''}
      </Alert>
      {result.warnings.map((w) => (
        <Alert key={w.code} color="orange" role="alert">
          {lang === 'en' ? w.en : w.ru}
        </Alert>
      ))}
    </Stack>
  );
}

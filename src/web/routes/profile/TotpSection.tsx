import {
  Alert,
  Button,
  Code,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import {
  confirmTotp,
  disableTotp,
  getTotpStatus,
  startTotp,
  type TotpEnrolment,
} from '../../api/security.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';
import { formatDateTime } from '../../i18n/format.js';

const TOTP_KEY = ['totp'] as const;

/**
 * The authenticator app: enrol with a QR code (or the secret typed by hand), confirm with a code,
 * and see the ten recovery codes exactly once; turn it off with a code.
 */
export function TotpSection() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: TOTP_KEY,
    queryFn: ({ signal }) => getTotpStatus(signal),
    staleTime: 0,
  });
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const start = useMutation({ mutationFn: startTotp, onSuccess: setEnrolment });
  const refresh = () => queryClient.invalidateQueries({ queryKey: TOTP_KEY });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="totp-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="totp-heading">
          {t('profile.totp.title')}
        </Title>
        <Text size="sm">{t('profile.totp.lead')}</Text>
        {status.isPending ? <Loading /> : null}
        {status.isError ? (
          <ProblemAlert error={status.error} onRetry={() => void status.refetch()} />
        ) : null}
        {recoveryCodes ? (
          <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
        ) : null}
        {status.data?.enabled && !recoveryCodes ? (
          <>
            <Text size="sm" data-testid="totp-enabled">
              {t('profile.totp.enabled', {
                since: status.data.enabledAt
                  ? formatDateTime(status.data.enabledAt, i18n.resolvedLanguage ?? 'ru')
                  : '—',
                count: status.data.recoveryCodesLeft,
              })}
            </Text>
            <DisableForm onDisabled={() => void refresh()} />
          </>
        ) : null}
        {status.data && !status.data.enabled && !enrolment ? (
          <div>
            {start.isError ? <ProblemMessage error={start.error} /> : null}
            <Button onClick={() => start.mutate()} loading={start.isPending}>
              {t('profile.totp.enable')}
            </Button>
          </div>
        ) : null}
        {enrolment && !status.data?.enabled ? (
          <EnrolForm
            enrolment={enrolment}
            onConfirmed={(codes) => {
              setEnrolment(null);
              setRecoveryCodes(codes);
              void refresh();
            }}
            onCancel={() => setEnrolment(null)}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

function EnrolForm({
  enrolment,
  onConfirmed,
  onCancel,
}: {
  enrolment: TotpEnrolment;
  onConfirmed: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const confirm = useMutation({
    mutationFn: confirmTotp,
    onSuccess: (answer) => onConfirmed(answer.recoveryCodes),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();

    const digits = code.replace(/\s/g, '');
    const ok = /^\d{6}$/.test(digits);

    setInvalid(!ok);

    if (ok) {
      confirm.mutate(digits);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('profile.totp.enrolForm')}>
      <Stack gap="sm">
        <Text size="sm">{t('profile.totp.scan')}</Text>
        <Image
          src={enrolment.qrDataUrl}
          alt={t('profile.totp.qrAlt')}
          w={200}
          h={200}
          fit="contain"
        />
        <Text size="sm">
          {t('profile.totp.secret')} <Code data-testid="totp-secret">{enrolment.secret}</Code>
        </Text>
        {confirm.isError ? <ProblemMessage error={confirm.error} /> : null}
        <TextInput
          label={t('profile.totp.code')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          error={invalid ? t('profile.totp.sixDigits') : undefined}
          maw="14rem"
        />
        <Group gap="sm">
          <Button type="submit" loading={confirm.isPending}>
            {t('profile.totp.confirm')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();

  return (
    <Alert color="blue.9" variant="outline" title={t('profile.totp.codesTitle')} role="status">
      <Stack gap="sm">
        <Text size="sm">{t('profile.totp.codesLead')}</Text>
        <SimpleGrid cols={{ base: 2, sm: 5 }} component="ul" p={0} style={{ listStyle: 'none' }}>
          {codes.map((code) => (
            <li key={code}>
              <Code data-testid="recovery-code">{code}</Code>
            </li>
          ))}
        </SimpleGrid>
        <div>
          <Button variant="default" size="xs" onClick={onDone}>
            {t('profile.totp.codesSaved')}
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}

function DisableForm({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [empty, setEmpty] = useState(false);
  const disable = useMutation({ mutationFn: disableTotp, onSuccess: onDisabled });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setEmpty(code.trim() === '');

    if (code.trim() !== '') {
      disable.mutate(code.trim());
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('profile.totp.disableForm')}>
      <Stack gap="sm" maw="22rem">
        {disable.isError ? <ProblemMessage error={disable.error} /> : null}
        <TextInput
          label={t('profile.totp.disableCode')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          autoComplete="one-time-code"
          maxLength={32}
          required
          error={empty ? t('form.required') : undefined}
        />
        <div>
          <Button type="submit" variant="default" color="red" loading={disable.isPending}>
            {t('profile.totp.disable')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

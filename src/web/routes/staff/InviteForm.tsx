import { Alert, Button, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { inviteEmployee, ORGANISATION_ROLES } from '../../api/access.js';
import { serverFieldError } from '../../components/fieldErrors.js';
import { ProblemMessage } from '../../components/ProblemMessage.js';
import { formatDateTime } from '../../i18n/format.js';
import { roleName } from './roleName.js';

/** An invitation by e-mail or phone with the role the new employee will hold. */
export function InviteForm({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const [contact, setContact] = useState('');
  const [role, setRole] = useState<string | null>('dispatcher');
  const [checked, setChecked] = useState(false);
  const invite = useMutation({
    mutationFn: (input: { email?: string; phone?: string; role: string }) =>
      inviteEmployee(organisationId, input),
    onSuccess: () => {
      setContact('');
      setChecked(false);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);

    const value = contact.trim();

    if (value && role) {
      invite.mutate({ ...(value.includes('@') ? { email: value } : { phone: value }), role });
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="invite-heading">
      <form onSubmit={submit} noValidate aria-labelledby="invite-heading">
        <Stack gap="sm" maw="28rem">
          <Title order={2} size="h3" id="invite-heading">
            {t('staff.invite.title')}
          </Title>
          <Text size="sm">{t('staff.invite.lead')}</Text>
          {invite.isError ? <ProblemMessage error={invite.error} /> : null}
          {invite.data ? (
            <Alert color="teal.9" variant="outline" role="status">
              {t('staff.invite.sent', {
                to: invite.data.sentTo,
                time: formatDateTime(invite.data.expiresAt, i18n.resolvedLanguage ?? 'ru'),
              })}
            </Alert>
          ) : null}
          <TextInput
            label={t('staff.invite.contact')}
            description={t('staff.invite.contactHint')}
            value={contact}
            onChange={(event) => setContact(event.currentTarget.value)}
            autoComplete="off"
            maxLength={254}
            required
            error={
              (checked && !contact.trim() ? t('form.required') : undefined) ??
              serverFieldError(invite.error, 'email') ??
              serverFieldError(invite.error, 'phone')
            }
          />
          <Select
            label={t('staff.invite.role')}
            data={ORGANISATION_ROLES.map((value) => ({
              value,
              label: roleName(value, t, i18n),
            }))}
            value={role}
            onChange={setRole}
            allowDeselect={false}
            required
          />
          <div>
            <Button type="submit" loading={invite.isPending}>
              {t('staff.invite.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

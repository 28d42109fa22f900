import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import {
  confirmRegistrationContact,
  requestRegistrationCode,
  type Registration,
} from '../../api/accounts.js';
import { ContactCodeForm } from './ContactCodeForm.js';

/** Step 2: a one-time code for each contact; the step ends when every contact is confirmed. */
export function ConfirmStep({
  registration,
  onDone,
}: {
  registration: Registration;
  onDone: (registration: Registration) => void;
}) {
  const { t } = useTranslation();
  const id = registration.registrationId;

  return (
    <Stack gap="lg">
      <Text component="h2" fw={700} size="lg">
        {t('register.confirm.title')}
      </Text>
      <Text size="sm">{t('register.confirm.lead')}</Text>
      {registration.contacts.map((contact) => (
        <ContactCodeForm
          key={contact.kind}
          kind={contact.kind}
          value={contact.value}
          confirmed={contact.confirmed}
          send={() => requestRegistrationCode(id, contact.kind)}
          confirm={async (code) => onDone(await confirmRegistrationContact(id, contact.kind, code))}
        />
      ))}
    </Stack>
  );
}

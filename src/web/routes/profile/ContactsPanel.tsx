import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Me } from '../../api/access.js';
import { roleName } from '../staff/roleName.js';

/** The person's contacts (confirmed or not) and the roles they hold, with where they apply. */
export function ContactsPanel({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="contacts-heading">
        <Title order={2} size="h4" id="contacts-heading" mb="sm">
          {t('profile.contacts.title')}
        </Title>
        {me.contacts.length === 0 ? <Text>{t('profile.contacts.none')}</Text> : null}
        <List listStyleType="none" spacing="xs">
          {me.contacts.map((contact) => (
            <List.Item key={`${contact.kind}:${contact.value}`}>
              <Group gap="xs">
                <Text fw={600}>{contact.kind === 'phone' ? t('otp.phone') : t('otp.email')}:</Text>
                <Text>{contact.value}</Text>
                <Badge
                  variant="outline"
                  color={contact.confirmed ? 'teal.9' : 'gray.7'}
                  radius="sm"
                >
                  {contact.confirmed ? t('otp.confirmed') : t('profile.contacts.unconfirmed')}
                </Badge>
              </Group>
            </List.Item>
          ))}
        </List>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="roles-heading">
        <Title order={2} size="h4" id="roles-heading" mb="sm">
          {t('profile.roles.title')}
        </Title>
        {me.roles.length === 0 ? <Text>{t('profile.roles.none')}</Text> : null}
        <List spacing="xs">
          {me.roles.map((grant, index) => (
            <List.Item key={`${grant.role}:${grant.organisationId ?? ''}:${index}`}>
              {roleName(grant.role, t, i18n)}
              {grant.organisationName ? ` — ${grant.organisationName}` : ''}
              {grant.premiseLabel ? ` — ${grant.premiseLabel}` : ''}
            </List.Item>
          ))}
        </List>
      </Paper>
    </Stack>
  );
}

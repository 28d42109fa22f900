import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { acceptInvitation, type AcceptedInvitation } from '../../api/access.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { useSession } from '../../session/useSession.js';
import { roleName } from './roleName.js';

/**
 * /invitations/:token — the link an invited employee receives. Accepting is an explicit step, so a
 * link opened by a mail scanner or a preview never joins anyone to an organisation.
 */
export function InvitationPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const session = useSession();
  const queryClient = useQueryClient();
  const accept = useMutation({
    mutationFn: () => acceptInvitation(token),
    // The new roles change the navigation: ask for the session again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['session'] }),
  });

  usePageTitle(t('invitation.title'));

  const organisationName = (accepted: AcceptedInvitation) =>
    session.data?.user.roles.find((grant) => grant.organisationId === accepted.organisationId)
      ?.organisationName ?? '';

  return (
    <Stack gap="lg" maw="40rem">
      <Title order={1}>{t('invitation.title')}</Title>
      {accept.data ? (
        <Alert color="green" variant="outline" role="status" title={t('invitation.accepted')}>
          <Stack gap="xs">
            <Text size="sm">
              {t('invitation.joined', {
                organisation: organisationName(accept.data),
                roles: accept.data.roles.map((role) => roleName(role, t, i18n)).join(', '),
              })}
            </Text>
            <Button component={Link} to="/" variant="light" w="fit-content">
              {t('invitation.toStart')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <>
          <Text>{t('invitation.explain', { person: session.data?.user.displayName ?? '' })}</Text>
          {accept.error ? <ProblemAlert error={accept.error} /> : null}
          <Button w="fit-content" loading={accept.isPending} onClick={() => accept.mutate()}>
            {t('invitation.accept')}
          </Button>
        </>
      )}
    </Stack>
  );
}

import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { listInspectionProtocols, listMyMeetings, listOrgMeetings } from '../../api/meetings.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { OrgPicker } from '../house-register/OrgPicker.js';
import { useOrgChoice } from '../house-register/useOrgChoice.js';
import { CreateMeetingForm } from './CreateMeetingForm.js';
import { MeetingList } from './MeetingList.js';
import { PollsPanel } from './PollsPanel.js';
import { ReceiptCheck } from './ReceiptCheck.js';

function Heading({ title, lead }: { title: string; lead: string }) {
  return (
    <Stack gap={4}>
      <Title order={1}>{title}</Title>
      <Text c="dimmed">{lead}</Text>
    </Stack>
  );
}

/** /owner/meetings: the meetings and polls of the owner's houses, and the receipt check. */
export function OwnerMeetingsPage() {
  const { t } = useTranslation();
  const meetings = useQuery({
    queryKey: ['meetings', 'mine'],
    queryFn: ({ signal }) => listMyMeetings(signal),
  });

  usePageTitle(t('meetings.owner.title'));

  return (
    <Stack gap="lg" maw="60rem">
      <Heading title={t('meetings.owner.title')} lead={t('meetings.owner.lead')} />
      {meetings.isPending ? <Loading /> : null}
      {meetings.isError ? <ProblemAlert error={meetings.error} /> : null}
      {meetings.data ? (
        <MeetingList meetings={meetings.data} empty={t('meetings.list.none')} />
      ) : null}
      <PollsPanel />
      <ReceiptCheck />
    </Stack>
  );
}

/** /org/meetings: the organisation's meetings and the form to convene one. */
export function OrgMeetingsPage() {
  const { t } = useTranslation();
  const { orgs, chosen, choose, pending } = useOrgChoice();
  const [creating, setCreating] = useState(false);
  const meetings = useQuery({
    queryKey: ['meetings', 'org', chosen?.id],
    queryFn: ({ signal }) => listOrgMeetings(chosen!.id, signal),
    enabled: Boolean(chosen),
  });

  usePageTitle(t('meetings.org.title'));

  return (
    <Stack gap="lg" maw="60rem">
      <Heading title={t('meetings.org.title')} lead={t('meetings.org.lead')} />
      {pending ? <Loading /> : null}
      {chosen ? (
        <>
          <Group justify="space-between">
            <OrgPicker orgs={orgs} chosen={chosen} onChoose={choose} />
            {!creating ? (
              <Button onClick={() => setCreating(true)}>{t('meetings.org.create')}</Button>
            ) : null}
          </Group>
          {creating ? (
            <CreateMeetingForm orgId={chosen.id} onDone={() => setCreating(false)} />
          ) : null}
          {meetings.isError ? <ProblemAlert error={meetings.error} /> : null}
          {meetings.data ? (
            <MeetingList meetings={meetings.data} empty={t('meetings.org.none')} />
          ) : null}
          <PollsPanel orgId={chosen.id} />
        </>
      ) : null}
    </Stack>
  );
}

/** /authority/protocols: protocols received by the housing inspection. */
export function InspectionProtocolsPage() {
  const { t } = useTranslation();
  const protocols = useQuery({
    queryKey: ['meetings', 'inspection'],
    queryFn: ({ signal }) => listInspectionProtocols(signal),
  });

  usePageTitle(t('meetings.inspection.title'));

  return (
    <Stack gap="lg" maw="60rem">
      <Heading title={t('meetings.inspection.title')} lead={t('meetings.inspection.lead')} />
      {protocols.isPending ? <Loading /> : null}
      {protocols.isError ? <ProblemAlert error={protocols.error} /> : null}
      {protocols.data ? (
        <MeetingList meetings={protocols.data} empty={t('meetings.inspection.none')} />
      ) : null}
    </Stack>
  );
}

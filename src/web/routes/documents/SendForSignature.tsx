import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { listSigners, sendForSignature, type DocumentCard } from '../../api/documents.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';

/** The organisation addresses an act or a contract to one of its houses' owners. */
export function SendForSignature({ document, orgId }: { document: DocumentCard; orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [choice, setChoice] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const signers = useQuery({
    queryKey: ['documents', 'signers', orgId, q],
    queryFn: ({ signal }) => listSigners(orgId, q, signal),
    enabled: open,
  });
  const send = useMutation({
    mutationFn: () => {
      const [personId, premiseId] = choice!.split('|') as [string, string];

      return sendForSignature(document.id, {
        signerPersonId: personId,
        premiseId,
        ...(message ? { message } : {}),
      });
    },
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ['documents'] });
    },
  });

  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpen(true)}>
        {t('documents.send.open')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('documents.send.title')}>
        <Stack gap="sm">
          <Text size="sm">{document.title}</Text>
          <TextInput
            label={t('documents.send.search')}
            value={q}
            onChange={(event) => setQ(event.currentTarget.value)}
          />
          <Select
            label={t('documents.send.signer')}
            data={(signers.data ?? []).map((s) => ({
              value: `${s.personId}|${s.premiseId}`,
              label: `${s.name} — ${s.premiseLabel}`,
            }))}
            value={choice}
            onChange={setChoice}
            searchable
            nothingFoundMessage={t('documents.send.nobody')}
          />
          <TextInput
            label={t('documents.send.message')}
            value={message}
            onChange={(event) => setMessage(event.currentTarget.value)}
          />
          {send.isError ? <ProblemAlert error={send.error} /> : null}
          <Group justify="end">
            <Button onClick={() => send.mutate()} disabled={!choice} loading={send.isPending}>
              {t('documents.send.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

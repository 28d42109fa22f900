import {
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import {
  createDocument,
  listDocuments,
  versionUrl,
  type DocumentCard,
  type DocumentKind,
  type DocumentScope,
} from '../../api/documents.js';
import { listOrgHouses } from '../../api/houseRegister.js';
import { Loading } from '../../components/Loading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { DOCUMENT_KINDS, formatDateTime, kindKey, STATUS_COLOR, statusKey } from './labels.js';

type Props = {
  /** Where uploads go: the person's own documents, or an organisation's archive. */
  target: { scope: 'personal' } | { scope: 'organisation'; organisationId: string };
  /** Extra actions per document (the organisation sends acts for signature). */
  actions?: (document: DocumentCard) => React.ReactNode;
};

/** A searchable list of the documents one may see, with a form to file a new one. */
export function DocumentsPanel({ target, actions }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind>(target.scope === 'personal' ? 'personal' : 'act');
  const [file, setFile] = useState<File | null>(null);
  const [tags, setTags] = useState('');
  // For an organisation: its archive ('') or one of its houses, whose owners will see it.
  const [houseId, setHouseId] = useState('');
  const orgId = target.scope === 'organisation' ? target.organisationId : null;
  const houses = useQuery({
    queryKey: ['documents', 'houses', orgId],
    queryFn: ({ signal }) => listOrgHouses(orgId!, { limit: 100 }, signal),
    enabled: Boolean(orgId),
  });
  const filter: { scope?: DocumentScope; organisationId?: string; q?: string } =
    target.scope === 'organisation'
      ? { organisationId: target.organisationId, ...(q ? { q } : {}) }
      : q
        ? { q }
        : {};
  const documents = useQuery({
    queryKey: ['documents', 'list', filter],
    queryFn: ({ signal }) => listDocuments(filter, signal),
  });
  const upload = useMutation({
    mutationFn: () =>
      createDocument(
        {
          ...(houseId ? { scope: 'house', houseId } : target),
          kind,
          title,
          ...(tags.trim() ? { tags } : {}),
        },
        file!,
      ),
    onSuccess: async () => {
      setTitle('');
      setTags('');
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: ['documents'] });
    },
  });

  return (
    <Stack gap="sm">
      <Title order={2}>{t('documents.list.title')}</Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          upload.mutate();
        }}
      >
        <Group align="end" wrap="wrap">
          <TextInput
            label={t('documents.upload.titleLabel')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            required
            miw="16rem"
          />
          <Select
            label={t('documents.upload.kindLabel')}
            data={DOCUMENT_KINDS.map((value) => ({ value, label: t(kindKey(value)) }))}
            value={kind}
            onChange={(value) => value && setKind(value as DocumentKind)}
            allowDeselect={false}
          />
          {orgId ? (
            <Select
              label={t('documents.upload.whereLabel')}
              data={[
                { value: '', label: t('documents.upload.archive') },
                ...(houses.data?.items ?? []).map((h) => ({ value: h.id, label: h.address })),
              ]}
              value={houseId}
              onChange={(value) => setHouseId(value ?? '')}
              allowDeselect={false}
              miw="16rem"
            />
          ) : null}
          <TextInput
            label={t('documents.upload.tagsLabel')}
            value={tags}
            onChange={(event) => setTags(event.currentTarget.value)}
            maw="12rem"
          />
          <FileInput
            label={t('documents.upload.fileLabel')}
            description={t('documents.upload.fileHint')}
            value={file}
            onChange={setFile}
            accept="application/pdf,image/jpeg,image/png"
            required
            clearable
            miw="14rem"
          />
          <Button type="submit" loading={upload.isPending} disabled={!file || !title.trim()}>
            {t('documents.upload.submit')}
          </Button>
        </Group>
      </form>
      {upload.isError ? <ProblemAlert error={upload.error} /> : null}
      <TextInput
        label={t('documents.list.search')}
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        maw="24rem"
      />
      {documents.isPending ? <Loading /> : null}
      {documents.isError ? <ProblemAlert error={documents.error} /> : null}
      {documents.data && documents.data.items.length === 0 ? (
        <Text c="dimmed">{t('documents.list.none')}</Text>
      ) : null}
      {documents.data && documents.data.items.length > 0 ? (
        <Table striped aria-label={t('documents.list.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.list.name')}</Table.Th>
              <Table.Th>{t('documents.list.kind')}</Table.Th>
              <Table.Th>{t('documents.list.where')}</Table.Th>
              <Table.Th>{t('documents.list.status')}</Table.Th>
              <Table.Th>{t('documents.list.updated')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {documents.data.items.map((document) => (
              <Table.Tr key={document.id} data-testid="document-row">
                <Table.Td>
                  <Anchor href={versionUrl(document.id, document.currentVersion)} target="_blank">
                    {document.title}
                  </Anchor>
                  {document.currentVersion > 1 ? (
                    <Text size="xs" c="dimmed">
                      {t('documents.list.versions', { count: document.currentVersion })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{t(kindKey(document.kind))}</Table.Td>
                <Table.Td>
                  {document.scope === 'house'
                    ? document.houseAddress
                    : document.scope === 'personal'
                      ? t('documents.scopes.personal')
                      : document.organisationName}
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[document.status]} variant="light">
                    {t(statusKey(document.status))}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDateTime(document.updatedAt, i18n.language)}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {document.status === 'signed' ? (
                      <Anchor
                        href={versionUrl(document.id, document.currentVersion, 'stamped')}
                        target="_blank"
                        size="sm"
                      >
                        {t('documents.list.signedCopy')}
                      </Anchor>
                    ) : null}
                    {actions?.(document)}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

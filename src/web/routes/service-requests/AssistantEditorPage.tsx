import { Alert, Button, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { CATEGORIES, listScripts, saveScript, type Category } from '../../api/serviceRequests.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { usePageTitle } from '../../components/usePageTitle.js';
import { useOrgChoice } from '../house-register/useOrgChoice.js';
import { AssistantChat } from './AssistantChat.js';
import { OrgSelect } from './OrgPicker.js';

/**
 * /org/requests/assistant: the organisation edits the assistant's dialogue of each category as
 * JSON, with a live preview; the server refuses a broken one (unknown next question, a loop).
 */
export function AssistantEditorPage() {
  const { t } = useTranslation();
  const { orgs, chosen, choose } = useOrgChoice();
  const client = useQueryClient();
  const [category, setCategory] = useState<Category>('plumbing');
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const scripts = useQuery({
    queryKey: ['service-requests', 'scripts', chosen?.id],
    queryFn: ({ signal }) => listScripts(chosen!.id, signal),
    enabled: Boolean(chosen),
  });

  usePageTitle(t('serviceRequests.editor.title'));

  const current = scripts.data?.find((s) => s.category === category);
  const text =
    drafts[category] ??
    (current
      ? JSON.stringify({ intro: current.intro, questions: current.questions }, null, 2)
      : '');
  let parsed: object | null = null;
  let parseError = '';

  try {
    parsed = text ? (JSON.parse(text) as object) : null;
  } catch (error) {
    parseError = (error as Error).message;
  }

  const save = useMutation({
    mutationFn: () => saveScript(chosen!.id, category, parsed),
    onSuccess: async () => {
      setDrafts((d) => ({ ...d, [category]: undefined as unknown as string }));
      await client.invalidateQueries({ queryKey: ['service-requests', 'scripts'] });
    },
  });

  return (
    <Stack gap="md" maw="64rem">
      <Title order={1}>{t('serviceRequests.editor.title')}</Title>
      <Text c="dimmed">{t('serviceRequests.editor.lead')}</Text>
      <OrgSelect orgs={orgs} chosen={chosen} choose={choose} />
      {scripts.isError ? <ProblemAlert error={scripts.error} /> : null}
      <Select
        label={t('serviceRequests.new.category')}
        data={CATEGORIES.map((c) => ({ value: c, label: t(`serviceRequests.category.${c}`) }))}
        value={category}
        onChange={(v) => {
          setCategory((v as Category) ?? 'plumbing');
          setAnswers({});
        }}
        allowDeselect={false}
        w="16rem"
      />
      {current ? (
        <Text size="sm">
          {current.custom
            ? t('serviceRequests.editor.custom')
            : t('serviceRequests.editor.default')}
        </Text>
      ) : null}
      <Group align="flex-start" grow wrap="wrap">
        <Textarea
          value={text}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setDrafts((d) => ({ ...d, [category]: value }));
          }}
          autosize
          minRows={16}
          maxRows={30}
          styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
          aria-label={t('serviceRequests.editor.json')}
        />
        <Stack gap="xs">
          <Text fw={600}>{t('serviceRequests.editor.preview')}</Text>
          {parseError ? <Alert color="red">{parseError}</Alert> : null}
          {current && parsed && !parseError ? (
            <AssistantChat
              script={{ ...current, ...parsed }}
              answers={answers}
              onAnswer={setAnswers}
            />
          ) : null}
        </Stack>
      </Group>
      <Group>
        <Button
          disabled={Boolean(parseError) || !parsed}
          loading={save.isPending}
          onClick={() => save.mutate()}
        >
          {t('serviceRequests.editor.save')}
        </Button>
      </Group>
      {save.isError ? <ProblemAlert error={save.error} /> : null}
      {save.isSuccess ? <Text c="teal.9">{t('serviceRequests.editor.saved')}</Text> : null}
    </Stack>
  );
}

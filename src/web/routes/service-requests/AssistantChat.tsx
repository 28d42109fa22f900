import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { AssistantScript } from '../../api/serviceRequests.js';
import { EmergencyInstructions, useWords } from './parts.js';

/**
 * The guided assistant as a chat: the organisation's questions one by one, answers as buttons.
 * Emergencies show their instructions the moment the answer is given; the server replays the
 * same answers when the request is filed, so nothing here decides the priority.
 */
export function AssistantChat({
  script,
  answers,
  onAnswer,
}: {
  script: AssistantScript;
  answers: Record<string, string>;
  onAnswer: (answers: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const words = useWords();
  const byId = new Map(script.questions.map((q) => [q.id, q]));
  const path: { question: AssistantScript['questions'][number]; chosen: string | undefined }[] = [];
  let current = script.questions[0];

  while (current && !path.some((p) => p.question.id === current!.id)) {
    const chosen = answers[current.id];

    path.push({ question: current, chosen });

    const option = current.options.find((o) => o.id === chosen);

    current = option?.next ? byId.get(option.next) : undefined;

    if (!option) {
      break;
    }
  }

  const options = path.flatMap((p) => p.question.options.filter((o) => o.id === p.chosen));
  const emergencies = [...new Set(options.flatMap((o) => (o.emergency ? [o.emergency] : [])))];
  const selfHelp = options.flatMap((o) => (o.selfHelp ? [o.selfHelp] : []));

  const choose = (questionId: string, optionId: string) => {
    // Answering again cuts the dialogue after this question: later answers may no longer apply.
    const index = path.findIndex((p) => p.question.id === questionId);
    const kept = Object.fromEntries(
      path.slice(0, index).flatMap((p) => (p.chosen ? [[p.question.id, p.chosen]] : [])),
    );

    onAnswer({ ...kept, [questionId]: optionId });
  };

  return (
    <Stack gap="sm" data-testid="assistant">
      <Paper withBorder p="sm" radius="md" bg="gray.0">
        <Text>{words(script.intro)}</Text>
      </Paper>
      {path.map(({ question, chosen }) => (
        <Stack key={question.id} gap={6}>
          <Paper withBorder p="sm" radius="md" bg="gray.0" maw="36rem">
            <Text fw={600}>{words(question.text)}</Text>
          </Paper>
          <Group gap="xs" justify="flex-end" wrap="wrap">
            {question.options.map((option) => (
              <Button
                key={option.id}
                size="xs"
                variant={chosen === option.id ? 'filled' : 'outline'}
                onClick={() => choose(question.id, option.id)}
                aria-pressed={chosen === option.id}
              >
                {words(option.label)}
              </Button>
            ))}
          </Group>
        </Stack>
      ))}
      <EmergencyInstructions
        texts={emergencies.flatMap((e) =>
          script.emergencyInstructions[e] ? [script.emergencyInstructions[e]] : [],
        )}
      />
      {selfHelp.map((text) => (
        <Alert
          key={text.ru}
          color="teal"
          variant="light"
          title={t('serviceRequests.new.selfHelp')}
          data-testid="self-help"
        >
          {words(text)}
        </Alert>
      ))}
    </Stack>
  );
}

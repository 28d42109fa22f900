import type { Blockage, Category } from './categories.js';
import type { EmergencyReason } from './emergency.js';

/**
 * The guided assistant: per category, a small dialogue of questions with fixed answers, kept as
 * data the organisation edits. An answer may mark an emergency, a blockage (its own 2-hour
 * term), offer self-help (a tripped breaker) or lead to the next question. The server replays
 * the answers itself when the request is filed: priority never comes from the browser.
 */

export type Text = { ru: string; en: string };

export type AssistantOption = {
  id: string;
  label: Text;
  emergency?: EmergencyReason;
  blockage?: Blockage;
  /** Frost outside: turns «no heating» into an emergency. */
  frost?: boolean;
  selfHelp?: Text;
  /** The next question's id; none ends the dialogue. */
  next?: string;
};

export type AssistantQuestion = { id: string; text: Text; options: AssistantOption[] };

export type AssistantScript = { category: Category; intro: Text; questions: AssistantQuestion[] };

export type AssistantOutcome = {
  emergency: EmergencyReason[];
  blockage: Blockage | null;
  frost: boolean;
  selfHelp: Text[];
  /** «Question — answer» lines, stored with the request so the dispatcher reads the dialogue. */
  transcript: { question: Text; answer: Text }[];
};

/**
 * Problems of a script's structure: duplicate ids, answers leading to unknown questions, loops.
 * An empty list means the script can be saved.
 */
export function checkScript(script: AssistantScript): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();

  for (const question of script.questions) {
    if (ids.has(question.id)) {
      problems.push(`question "${question.id}" appears twice`);
    }

    ids.add(question.id);

    const optionIds = new Set<string>();

    for (const option of question.options) {
      if (optionIds.has(option.id)) {
        problems.push(`answer "${option.id}" appears twice in "${question.id}"`);
      }

      optionIds.add(option.id);
    }
  }

  for (const question of script.questions) {
    for (const option of question.options) {
      if (option.next && !ids.has(option.next)) {
        problems.push(`answer "${question.id}/${option.id}" leads to unknown "${option.next}"`);
      }
    }
  }

  if (problems.length === 0 && hasLoop(script)) {
    problems.push('the questions lead back to a question already asked');
  }

  return problems;
}

function hasLoop(script: AssistantScript): boolean {
  const byId = new Map(script.questions.map((q) => [q.id, q]));
  const state = new Map<string, 'visiting' | 'done'>();

  const visit = (id: string): boolean => {
    if (state.get(id) === 'visiting') {
      return true;
    }

    if (state.get(id) === 'done') {
      return false;
    }

    state.set(id, 'visiting');

    const looped = (byId.get(id)?.options ?? []).some((o) => (o.next ? visit(o.next) : false));

    state.set(id, 'done');

    return looped;
  };

  return script.questions.some((q) => visit(q.id));
}

/**
 * Replays the answers along the dialogue from the first question. Answers to questions the path
 * never reached, or to unknown options, are ignored: they cannot raise a priority.
 */
export function evaluateAnswers(
  script: AssistantScript,
  answers: Record<string, string>,
): AssistantOutcome {
  const byId = new Map(script.questions.map((q) => [q.id, q]));
  const outcome: AssistantOutcome = {
    emergency: [],
    blockage: null,
    frost: false,
    selfHelp: [],
    transcript: [],
  };
  const seen = new Set<string>();
  let current = script.questions[0];

  while (current && !seen.has(current.id)) {
    seen.add(current.id);

    const option = current.options.find((o) => o.id === answers[current!.id]);

    if (!option) {
      break;
    }

    outcome.transcript.push({ question: current.text, answer: option.label });

    if (option.emergency && !outcome.emergency.includes(option.emergency)) {
      outcome.emergency.push(option.emergency);
    }

    outcome.blockage = option.blockage ?? outcome.blockage;
    outcome.frost ||= option.frost === true;

    if (option.selfHelp) {
      outcome.selfHelp.push(option.selfHelp);
    }

    current = option.next ? byId.get(option.next) : undefined;
  }

  return outcome;
}

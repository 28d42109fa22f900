/**
 * Identity assurance: how sure the platform is that a user is the person they claim to be.
 * `basic` — a contact confirmed; `standard` — passport and СНИЛС given and valid by checksum;
 * `verified` — an operator compared a document scan, a code handed over in person was entered,
 * or an external identity provider vouched for the person.
 */

export const ASSURANCE_LEVELS = ['basic', 'standard', 'verified'] as const;

export type AssuranceLevel = (typeof ASSURANCE_LEVELS)[number];

export const VERIFICATION_METHODS = ['document_scan', 'in_person_code', 'oidc'] as const;

export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** What a person still has to do, in order, to reach a level. */
export type MissingStep = 'identity_documents' | 'verification';

type Text = { ru: string; en: string };

export function rankOf(level: AssuranceLevel): number {
  return ASSURANCE_LEVELS.indexOf(level);
}

export function meetsLevel(current: AssuranceLevel, required: AssuranceLevel): boolean {
  return rankOf(current) >= rankOf(required);
}

export function missingSteps(
  current: AssuranceLevel,
  target: AssuranceLevel = 'verified',
): MissingStep[] {
  const steps: MissingStep[] = [];

  if (rankOf(current) < rankOf('standard') && rankOf(target) >= rankOf('standard')) {
    steps.push('identity_documents');
  }

  if (rankOf(current) < rankOf('verified') && rankOf(target) >= rankOf('verified')) {
    steps.push('verification');
  }

  return steps;
}

const STEP_TEXT: Record<MissingStep, Text> = {
  identity_documents: {
    ru: 'укажите паспорт и СНИЛС в профиле («Мой профиль» → «Подтверждение личности»)',
    en: 'enter your passport and SNILS in the profile (My profile → Identity)',
  },
  verification: {
    ru:
      'подтвердите личность: загрузите скан паспорта для проверки оператором ' +
      'или введите код, полученный лично в офисе',
    en:
      'verify your identity: upload a passport scan for an operator to check, ' +
      'or enter the code handed to you in person at an office',
  },
};

const LEVEL_TEXT: Record<AssuranceLevel, Text> = {
  basic: { ru: 'базовый', en: 'basic' },
  standard: { ru: 'стандартный', en: 'standard' },
  verified: { ru: 'подтверждённый', en: 'verified' },
};

/** The explanation a person below the required level gets: what is missing and how to get it. */
export function howToReach(current: AssuranceLevel, required: AssuranceLevel): Text {
  const steps = missingSteps(current, required);
  const need = LEVEL_TEXT[required];
  const have = LEVEL_TEXT[current];

  return {
    ru:
      `Для этого действия нужен ${need.ru} уровень подтверждения личности, у вас — ${have.ru}. ` +
      `Что сделать: ${steps.map((s) => STEP_TEXT[s].ru).join('; затем ')}.`,
    en:
      `This action needs the ${need.en} identity level; yours is ${have.en}. ` +
      `To do: ${steps.map((s) => STEP_TEXT[s].en).join('; then ')}.`,
  };
}

/** `•••• 123456`: the passport number without its series, as a person recognises it. */
export function maskPassport(digits: string): string {
  return `•••• ${digits.slice(-6)}`;
}

/** `•••-•••-445 95`: the last group and the check digits of a СНИЛС. */
export function maskSnils(digits: string): string {
  return `•••-•••-${digits.slice(6, 9)} ${digits.slice(9, 11)}`;
}

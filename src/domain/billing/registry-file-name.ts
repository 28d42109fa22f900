/**
 * Sberbank's registry file name (case C15): `ИНН_РС_НОМЕР_ММГГ.txt` — the payee's 10-digit ИНН,
 * the 20-digit settlement account, a 3-digit sequence number within the month, the period.
 */
export type RegistryFileName = { inn: string; account: string; sequence: number; period: string };

const NAME = /^(\d+)_(\d+)_(\d+)_(\d{2})(\d{2})\.txt$/i;

export function parseRegistryFileName(
  name: string,
): { ok: true; value: RegistryFileName } | { ok: false; reason: string } {
  const match = NAME.exec(name.trim());

  if (!match) {
    return { ok: false, reason: 'имя не в виде ИНН_РС_НОМЕР_ММГГ.txt' };
  }

  const [, inn, account, sequence, month, year] = match as unknown as string[];

  if (inn!.length !== 10) {
    return { ok: false, reason: 'ИНН в имени файла — 10 цифр' };
  }

  if (account!.length !== 20) {
    return { ok: false, reason: 'расчётный счёт в имени файла — 20 цифр' };
  }

  if (sequence!.length !== 3) {
    return { ok: false, reason: 'номер файла — три цифры (001)' };
  }

  if (Number(month) < 1 || Number(month) > 12) {
    return { ok: false, reason: `месяц ${month} не существует` };
  }

  return {
    ok: true,
    value: {
      inn: inn!,
      account: account!,
      sequence: Number(sequence),
      period: `20${year}-${month}`,
    },
  };
}

/** The name of the next export in a month: the sequence continues from the names already used. */
export function nextRegistryFileName(
  input: { inn: string; account: string; period: string },
  used: string[],
): string {
  const taken = used
    .map(parseRegistryFileName)
    .filter((p): p is { ok: true; value: RegistryFileName } => p.ok)
    .filter(
      (p) =>
        p.value.inn === input.inn &&
        p.value.account === input.account &&
        p.value.period === input.period,
    )
    .map((p) => p.value.sequence);
  const next = Math.max(0, ...taken) + 1;

  return `${input.inn}_${input.account}_${String(next).padStart(3, '0')}_${input.period.slice(5)}${input.period.slice(2, 4)}.txt`;
}

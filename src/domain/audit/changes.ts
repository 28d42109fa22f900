import { canonicalJson } from './canonical.js';
import { isPersonalField, redactValue } from './redaction.js';

/** One changed field as the journal keeps it; personal values are never kept. */
export type Change =
  { field: string; redacted: true } | { field: string; before?: unknown; after?: unknown };

/** The field the change of a whole non-object value is reported under. */
export const WHOLE_VALUE = '$';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function toPlain(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * The fields that differ between `before` and `after`, nested objects flattened to dotted paths.
 * A field whose name marks personal data is listed as changed with no values; other values are
 * stored redacted (a personal-looking string inside them is still hidden).
 */
export function redactedChanges(before: unknown, after: unknown, objectType?: string): Change[] {
  const changes: Change[] = [];

  collect(toPlain(before), toPlain(after), [], false);

  return changes;

  function collect(from: unknown, to: unknown, path: string[], personal: boolean) {
    // A created or deleted object is compared with an empty one: every field is listed.
    const left = from === undefined || from === null ? {} : from;
    const right = to === undefined || to === null ? {} : to;

    if ((isRecord(from) || isRecord(to)) && isRecord(left) && isRecord(right)) {
      const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();

      for (const key of keys) {
        const nested = personal || isPersonalField(key, objectType);

        collect(toPlain(left[key]), toPlain(right[key]), [...path, key], nested);
      }

      return;
    }

    push(from, to, path, personal);
  }

  function push(from: unknown, to: unknown, path: string[], personal: boolean) {
    if (canonicalJson(from) === canonicalJson(to)) {
      return;
    }

    const field = path.length === 0 ? WHOLE_VALUE : path.join('.');

    if (personal) {
      changes.push({ field, redacted: true });

      return;
    }

    const change: Change = { field };

    if (from !== undefined) {
      change.before = redactValue(from, objectType);
    }

    if (to !== undefined) {
      change.after = redactValue(to, objectType);
    }

    changes.push(change);
  }
}

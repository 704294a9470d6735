// Small helpers the kinds share.

/** The values of a closed set, in the order its labels are written (the engine's order). */
export function keysOf<T extends string>(labels: Record<T, string>): T[] {
  return Object.keys(labels) as T[];
}

/** `[value, label]` pairs of a closed set, for a <select>. */
export function choices<T extends string>(labels: Record<T, string>): [T, string][] {
  return keysOf(labels).map((k) => [k, labels[k]]);
}

/** Whether `value` is one of a closed set's values. */
export function isOneOf<T extends string>(labels: Record<T, string>, value: unknown): value is T {
  return typeof value === 'string' && Object.hasOwn(labels, value);
}

/** Comma- or newline-separated words to a clean list. */
export function splitList(s: string): string[] {
  return s
    .split(/[,\n]/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

/** Text fields joined the way the engine joins them for search. */
export function joinFields(fields: string[]): string {
  return fields.join('\n');
}

/** Up to `max` characters of the first line that is not blank, trimmed, with an ellipsis when
 * cut (the engine's `fields::first_line`). */
export function firstLine(s: string, max: number): string {
  const line = (s.split('\n').find((l) => l.trim() !== '') ?? '').trim();
  const chars = [...line];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : line;
}

// Recovery key helpers for the UI. The engine parses and checks the key itself.

/** What a person typed, made comparable: case, spaces and dashes do not matter. */
export function normalizeGroup(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** Does `typed` match `group`? Same leniency as the engine (O→0, I/L→1). */
export function groupMatches(typed: string, group: string): boolean {
  return normalizeGroup(typed) === normalizeGroup(group) && typed.trim().length > 0;
}

/** A 1-based group number to ask back for, never the first (it is the easiest to copy). */
export function pickGroup(count: number, random: () => number = Math.random): number {
  if (count <= 1) return 1;
  return 2 + Math.floor(random() * (count - 1));
}

// How much each mood of a thought record moved between step 2 and step 7, in words.

/** After − before, once re-rated (`Mood::change`). */
export function moodChange(m: { before: number; after: number | null }): number | null {
  return m.after === null ? null : m.after - m.before;
}

/** "Anxious 80 → 40, down 40"; "Low 30 → 30, no change"; "Angry 50, not rated again yet". */
export function changeWords(m: { name: string; before: number; after: number | null }): string {
  const c = moodChange(m);
  if (c === null) return `${m.name} ${m.before}, not rated again yet`;
  const how = c < 0 ? `down ${-c}` : c > 0 ? `up ${c}` : 'no change';
  return `${m.name} ${m.before} → ${m.after}, ${how}`;
}

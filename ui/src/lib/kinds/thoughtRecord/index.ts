// A CBT-style thought record, seven steps in Keel's own words: the situation, moods rated
// 0–100, automatic thoughts with the hot one marked, evidence for and against, a balanced
// thought and how much I believe it, the moods rated again.
import type { Body, KindUi } from '../types';
import { firstLine, joinFields } from '../shared';
import ThoughtRecordFields from './ThoughtRecordFields.svelte';

export { changeWords, moodChange } from './change';

export function emptyThoughtRecord(): Body<'thought-record'> {
  return { kind: 'thought-record', situation: '', moods: [], thoughts: [], evidenceFor: '', evidenceAgainst: '', balanced: '', belief: null };
}

export const thoughtRecord = {
  label: 'Thought record',
  icon: '✎',
  entry: true,
  editor: { fields: ThoughtRecordFields, empty: emptyThoughtRecord, newLabel: 'Thought record' },
  summary: (b) => {
    let s = firstLine(b.situation, 60);
    const m = b.moods[0];
    if (m) s += m.after === null ? ` · ${m.name} ${m.before}` : ` · ${m.name} ${m.before} → ${m.after}`;
    return s;
  },
  text: (b) =>
    joinFields([b.situation, ...b.moods.map((m) => m.name), ...b.thoughts.map((t) => t.text), b.evidenceFor, b.evidenceAgainst, b.balanced]),
  tags: (b) => b.moods.map((m) => m.name),
} satisfies KindUi<'thought-record'>;

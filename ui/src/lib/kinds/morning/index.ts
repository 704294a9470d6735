// A morning intention: what I mean to carry through today, and one small step for my recovery.
// An entry, offered from Today (first among the New buttons before noon).
import type { Body, KindUi } from '../types';
import { firstLine, joinFields } from '../shared';
import MorningFields from './MorningFields.svelte';

export function emptyMorning(): Body<'morning'> {
  return { kind: 'morning', intention: '', oneStep: '' };
}

export const morning = {
  label: 'Morning intention',
  icon: '☼',
  entry: true,
  editor: { fields: MorningFields, empty: emptyMorning, newLabel: 'Morning intention' },
  summary: (b) => firstLine(b.intention, 60),
  text: (b) => joinFields([b.intention, b.oneStep]),
  tags: () => [],
} satisfies KindUi<'morning'>;

// An evening review: what went well, what was hard, the day's peak stress (0–10, absent unless
// chosen), something I'm grateful for. An entry, offered from Today (first after 5 pm).
import type { Body, KindUi } from '../types';
import { firstLine, joinFields } from '../shared';
import EveningFields from './EveningFields.svelte';

export function emptyEvening(): Body<'evening'> {
  return { kind: 'evening', wentWell: '', wasHard: '', peakStress: null, grateful: '' };
}

export const evening = {
  label: 'Evening review',
  icon: '☾',
  entry: true,
  editor: { fields: EveningFields, empty: emptyEvening, newLabel: 'Evening review' },
  // As the engine: the first of went well, grateful, was hard that has words, then the peak.
  summary: (b) => {
    const first = [b.wentWell, b.grateful, b.wasHard].find((s) => s !== '');
    const text = first === undefined ? null : firstLine(first, 50);
    if (text !== null && b.peakStress !== null) return `${text} · peak stress ${b.peakStress}`;
    if (text !== null) return text;
    return b.peakStress !== null ? `Peak stress ${b.peakStress}` : '';
  },
  text: (b) => joinFields([b.wentWell, b.wasHard, b.grateful]),
  tags: () => [],
} satisfies KindUi<'evening'>;

// What the person tracks on their diary cards: targets, emotions, and whether to ask about
// medication. Reference, not an entry: changed from the diary card screen.
import type { Body, KindUi } from '../types';
import { joinFields } from '../shared';

/** Keel's defaults until the person saves their own (`DiarySetup::default`). */
export function defaultDiarySetup(): Body<'diary-setup'> {
  return {
    kind: 'diary-setup',
    targets: ['To use', 'To hurt myself'],
    emotions: ['Sadness', 'Fear', 'Anger', 'Shame', 'Guilt', 'Loneliness', 'Joy'],
    medication: true,
  };
}

export const diarySetup = {
  label: 'Diary card set-up',
  icon: '▤',
  entry: false,
  summary: (b) => `Diary card: ${b.targets.length} targets, ${b.emotions.length} emotions`,
  text: (b) => joinFields([...b.targets, ...b.emotions]),
  tags: () => [],
} satisfies KindUi<'diary-setup'>;

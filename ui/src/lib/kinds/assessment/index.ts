// A completed questionnaire (PHQ-9, GAD-7): the answers, the difficulty question and a note.
// The total and band come from the engine with the record; the questionnaire has its own screen,
// and a saved one opened from a list reads as its result.
import type { KindUi } from '../types';
import { joinFields } from '../shared';
import { instrument } from '../../instruments';
import AssessmentResult from '../../components/questionnaires/AssessmentResult.svelte';

/** The form's name (`PHQ-9`), or its id when this build does not know it. */
export function instrumentName(id: string): string {
  return instrument(id)?.name ?? id;
}

export const assessment = {
  label: 'Questionnaire',
  icon: '☑',
  entry: true,
  view: AssessmentResult,
  summary: (b) => {
    const total = b.total ?? b.answers.reduce((t, a) => t + a, 0);
    return b.band ? `${instrumentName(b.instrument)}: ${total} (${b.band})` : `${instrumentName(b.instrument)}: ${total}`;
  },
  text: (b) => joinFields([instrumentName(b.instrument), b.note]),
  tags: (b) => [b.instrument],
} satisfies KindUi<'assessment'>;

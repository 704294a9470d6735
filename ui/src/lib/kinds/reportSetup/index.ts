// The person's last choices for the counsellor report: sections, how much of the session
// notes, paper, the name to print and the chosen entries. Reference, not an entry: saved by
// the report page.
import type { KindUi } from '../types';

export const reportSetup = {
  label: 'Report choices',
  icon: '▤',
  entry: false,
  summary: (b) => `Report choices: ${b.sections.length} sections`,
  // Choices, not words the person wrote: nothing to find.
  text: () => '',
  tags: () => [],
} satisfies KindUi<'report-setup'>;

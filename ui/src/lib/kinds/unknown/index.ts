// A record a newer version of Keel wrote: a kind, or a version of a kind, this build does not
// know. The engine keeps it exactly as it was written. It is shown in every list, so it is
// never out of sight, but it is never edited, moved to the trash or deleted from here.
import type { KindUi } from '../types';

/** What opening one says, in place of an editor. */
export const KEPT_NOTE =
  'This entry was saved by a newer version of Keel. It is kept exactly as it is, and nothing ' +
  'here will change it. Update Keel to see or change it.';

export const unknown = {
  label: 'Written by a newer version of Keel',
  icon: '◇',
  entry: true,
  summary: () => 'Kept as it is — update Keel to see or change it',
  // The engine searches none of it: this build cannot tell which of its words are text.
  text: () => '',
  tags: () => [],
} satisfies KindUi<'unknown'>;

// A coping skill in the library: a built-in one or the person's own. Reference, not an entry:
// it has its own screen (Coping skills) rather than the editor.
import type { KindUi } from '../types';
import { joinFields } from '../shared';

export { SKILL_CATEGORY_LABEL } from './labels';

export const skill = {
  label: 'Skill',
  icon: '❋',
  entry: false,
  summary: (b) => b.name,
  text: (b) => joinFields([b.name, b.howTo]),
  tags: () => [],
} satisfies KindUi<'skill'>;

// Using a coping skill: which one, the situation, distress (and urge) before and after.
import type { Body, KindUi } from '../types';
import { joinFields } from '../shared';
import SkillUseFields from './SkillUseFields.svelte';

export function emptySkillUse(): Body<'skill-use'> {
  return {
    kind: 'skill-use',
    skillId: null,
    skillName: '',
    situation: '',
    distressBefore: 5,
    distressAfter: 5,
    urgeBefore: null,
    urgeAfter: null,
    minutes: null,
    note: '',
  };
}

export const skillUse = {
  label: 'Coping skill',
  icon: '❋',
  entry: true,
  editor: {
    fields: SkillUseFields,
    empty: emptySkillUse,
    newLabel: 'Log a coping skill',
    usesSkills: true,
  },
  summary: (b) =>
    `${b.skillName || 'Skill'} · distress ${b.distressBefore} → ${b.distressAfter}${
      b.situation ? ` — ${b.situation}` : ''
    }`,
  text: (b) => joinFields([b.skillName, b.situation, b.note]),
  tags: () => [],
} satisfies KindUi<'skill-use'>;

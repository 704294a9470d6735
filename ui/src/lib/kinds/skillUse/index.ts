// Using a coping skill: which one, the situation, distress (and urge) before and after, and the
// urge rated along the way (urge surfing asks every five minutes).
import type { Body, KindUi } from '../types';
import { joinFields } from '../shared';
import SkillUseFields from './SkillUseFields.svelte';

export function emptySkillUse(): Body<'skill-use'> {
  return {
    kind: 'skill-use',
    skillId: null,
    skillName: '',
    situation: '',
    distressBefore: null,
    distressAfter: null,
    urgeBefore: null,
    urgeAfter: null,
    minutes: null,
    note: '',
    urgeAlong: [],
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
  summary: (b) => {
    const n = (v: number | null) => (v === null ? '–' : String(v));
    const distress = b.distressBefore === null && b.distressAfter === null ? '' : ` · distress ${n(b.distressBefore)} → ${n(b.distressAfter)}`;
    return `${b.skillName || 'Skill'}${distress}${b.situation ? ` — ${b.situation}` : ''}`;
  },
  text: (b) => joinFields([b.skillName, b.situation, b.note]),
  tags: () => [],
} satisfies KindUi<'skill-use'>;

// The skill library's closed set in words. Typed by the generated union, so a category the
// engine adds and the UI does not name fails `npm run check`.
import type { SkillCategory } from '../../backend';

/** Where a coping skill sits in the library. Written in the engine's order, which is also the
 * order the library is sorted in (favourites first, then by category, then by name). */
export const SKILL_CATEGORY_LABEL: Record<SkillCategory, string> = {
  'distress-tolerance': 'Distress tolerance',
  'emotion-regulation': 'Emotion regulation',
  mindfulness: 'Mindfulness',
  interpersonal: 'Interpersonal',
  grounding: 'Grounding',
  body: 'Body',
  connection: 'Connection',
};

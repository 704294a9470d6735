// The crisis plan, in the person's own words and Keel's: signs a hard time is starting, what I
// can do on my own, people and places that take my mind off things, people I can ask for help,
// professionals and lines open any hour, making my surroundings safer, my reasons to keep going.
// Reference, not an entry: there is one, kept up to date on its own screen (views/Plan.svelte).
import type { Body, KindUi } from '../types';
import { joinFields } from '../shared';

export function emptyCrisisPlan(): Body<'crisis-plan'> {
  return {
    kind: 'crisis-plan',
    warningSigns: [],
    onMyOwn: [],
    takeMyMindOff: [],
    people: [],
    professionals: [],
    saferSurroundings: [],
    reasons: [],
  };
}

export const crisisPlan = {
  label: 'Crisis plan',
  icon: '♡',
  entry: false,
  summary: () => 'My crisis plan',
  // The engine's order: the five lists, then each person and line (name, phone, note).
  text: (b) =>
    joinFields([
      ...b.warningSigns,
      ...b.onMyOwn,
      ...b.takeMyMindOff,
      ...b.saferSurroundings,
      ...b.reasons,
      ...[...b.people, ...b.professionals].flatMap((c) => [c.name, c.phone, c.note]),
    ]),
  tags: () => [],
} satisfies KindUi<'crisis-plan'>;

// A lapse, logged against a clock and kept: what happened, what led up to it, what helped and
// what to try next time. Whether it starts the clock's run again is the person's choice.
import type { Body, KindUi } from '../types';
import { joinFields } from '../shared';
import LapseFields from './LapseFields.svelte';

export function emptyLapse(): Body<'lapse'> {
  return {
    kind: 'lapse',
    clock: null,
    clockName: '',
    restart: false,
    whatHappened: '',
    triggers: [],
    halt: { hungry: false, angry: false, lonely: false, tired: false },
    place: '',
    people: [],
    helped: '',
    nextTime: '',
  };
}

export const lapse = {
  label: 'Lapse',
  icon: '↺',
  entry: true,
  editor: {
    fields: LapseFields,
    empty: emptyLapse,
    newLabel: 'Log a lapse',
    fromToday: false,
    afterAdd: (app) => (app.afterLapse = true),
  },
  summary: (b) => (b.whatHappened ? `${b.clockName} · ${b.whatHappened.split('\n')[0].slice(0, 80)}` : b.clockName),
  text: (b) => joinFields([b.clockName, b.whatHappened, ...b.triggers, b.place, ...b.people, b.helped, b.nextTime]),
  tags: (b) => b.triggers,
} satisfies KindUi<'lapse'>;

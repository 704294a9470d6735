// A note for or from an IOP session: type, title, facilitator, Markdown notes, takeaways,
// homework and what to bring next time, attendance.
import type { Body, KindUi } from '../types';
import { joinFields } from '../shared';
import { SESSION_TYPE_LABEL } from './labels';
import SessionFields from './SessionFields.svelte';

export { SESSION_TYPE_LABEL } from './labels';

export function emptySession(): Body<'session'> {
  return {
    kind: 'session',
    sessionType: 'group',
    title: '',
    facilitator: '',
    notes: '',
    takeaways: '',
    homework: [],
    bring: [],
    attended: true,
  };
}

export const session = {
  label: 'Session note',
  icon: '▤',
  entry: true,
  editor: { fields: SessionFields, empty: emptySession, newLabel: 'Session note' },
  summary: (b) =>
    `${SESSION_TYPE_LABEL[b.sessionType] ?? b.sessionType}${b.title ? `: ${b.title}` : ''}${
      b.attended ? '' : ' (missed)'
    }`,
  text: (b) =>
    joinFields([
      b.title,
      b.facilitator,
      b.notes,
      b.takeaways,
      ...b.homework.map((i) => i.text),
      ...b.bring.map((i) => i.text),
    ]),
  tags: () => [],
} satisfies KindUi<'session'>;

// A journal entry: free writing, an optional prompt, tags.
import type { Body, KindUi } from '../types';
import { joinFields } from '../shared';
import JournalFields from './JournalFields.svelte';

export function emptyJournal(): Body<'journal'> {
  return { kind: 'journal', title: '', prompt: '', text: '', tags: [], bring: false };
}

export const journal = {
  label: 'Journal',
  icon: '✎',
  entry: true,
  editor: { fields: JournalFields, empty: emptyJournal, newLabel: 'Journal entry' },
  summary: (b) => b.title || b.text.slice(0, 120) || 'Untitled entry',
  text: (b) => joinFields([b.title, b.prompt, b.text, ...b.tags]),
  tags: (b) => b.tags,
} satisfies KindUi<'journal'>;

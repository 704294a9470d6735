// A DBT-style diary card: one day's urges, emotions, skills, skills-use rating, medication and
// note. Written a week at a time on its own screen (views/Diary.svelte); one day's card opened
// from a list is edited with DiaryCardFields.
import type { Body, KindUi } from '../types';
import { joinFields } from '../shared';
import { emptyCard } from '../../diaryCard';
import { localDay } from '../../time';
import DiaryCardFields from './DiaryCardFields.svelte';

const DAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2026-11-28` → `Sat 28 Nov 2026`, as the engine's `%a %-d %b %Y`. */
export function cardDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  const p = Object.fromEntries(DAY.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** Today's card, with nothing written yet. */
export function emptyDiaryCard(date: string = localDay()): Body<'diary-card'> {
  return { kind: 'diary-card', ...emptyCard(date) };
}

export const diaryCard = {
  label: 'Diary card',
  icon: '▦',
  entry: true,
  // A day's card opened from a list is edited here; cards are started on the week page.
  editor: { fields: DiaryCardFields, empty: () => emptyDiaryCard(), newLabel: 'Diary card', usesSkills: true, fromToday: false },
  summary: (b) => {
    const parts = [`Diary card for ${cardDay(b.date)}`];
    if (b.urges.length > 0) parts.push(`highest urge ${Math.max(...b.urges.map((u) => u.level))} of 5`);
    if (b.skills.length === 1) parts.push('1 skill');
    else if (b.skills.length > 1) parts.push(`${b.skills.length} skills`);
    return parts.join(' · ');
  },
  text: (b) => joinFields([...b.urges.map((u) => u.target), ...b.emotions.map((e) => e.name), ...b.skills, b.note]),
  tags: (b) => [...b.skills],
} satisfies KindUi<'diary-card'>;

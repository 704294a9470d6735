import { describe, expect, it } from 'vitest';
import {
  SKILLS_ANCHORS,
  anchorOf,
  emptyCard,
  isEmptyCard,
  orderedCard,
  setFeeling,
  setUrge,
  urgeWords,
  weekColumns,
  weekRange,
} from './diaryCard';

const SETUP = { targets: ['To use', 'To hurt myself'], emotions: ['Sadness', 'Joy'], medication: true };

describe('the diary card', () => {
  it('has eight skills-use anchors, 0 to 7, from not on my mind to without thinking and helped', () => {
    expect(SKILLS_ANCHORS).toHaveLength(8);
    expect(SKILLS_ANCHORS[0]).toBe("Skills weren't on my mind");
    expect(SKILLS_ANCHORS[7]).toBe('They came without thinking, and helped');
    expect(anchorOf(5)).toBe('5: I used one, and it helped a little');
    expect(anchorOf(null)).toBe('');
    expect(new Set(SKILLS_ANCHORS).size, 'each anchor says something different').toBe(8);
  });

  it('an urge is kept while it has a level or was acted on; an emotion while it has a level', () => {
    const c = emptyCard('2026-11-30');
    setUrge(c, 'To use', 3, null);
    setUrge(c, 'to use', 3, true);
    expect(c.urges, 'one row per target, matched in any case').toEqual([{ target: 'to use', level: 3, acted: true }]);
    setUrge(c, 'To use', null, true);
    expect(c.urges, 'acted on, with no level: the lowest').toEqual([{ target: 'To use', level: 0, acted: true }]);
    setUrge(c, 'To use', null, false);
    expect(c.urges).toEqual([]);
    setFeeling(c, 'Joy', 2);
    setFeeling(c, 'Joy', 0);
    expect(c.emotions).toEqual([{ name: 'Joy', level: 0 }]);
    setFeeling(c, 'Joy', null);
    expect(isEmptyCard(c)).toBe(true);
  });

  it('a week shows the set-up’s columns, and any its cards hold beyond them', () => {
    const card = { ...emptyCard('2026-12-01'), urges: [{ target: 'To drink', level: 2, acted: null }, { target: 'to use', level: 1, acted: null }], emotions: [{ name: 'Calm', level: 1 }] };
    const days = [
      { date: '2026-11-30', id: null, card: null },
      { date: '2026-12-01', id: 'a'.repeat(32), card },
    ];
    const cols = weekColumns(SETUP, days);
    expect(cols).toEqual({ targets: ['To use', 'To hurt myself', 'To drink'], emotions: ['Sadness', 'Joy', 'Calm'], medication: true });
    // Saved in the columns' order.
    expect(orderedCard(card, cols).urges.map((u) => u.target)).toEqual(['to use', 'To drink']);
  });

  it('names an urge after its target', () => {
    expect(urgeWords('To use')).toBe('urge to use');
    expect(urgeWords(' to call Sam ')).toBe('urge to call Sam');
    expect(urgeWords('Binge')).toBe('urge: Binge');
  });

  it('writes the week’s dates, with both years across New Year', () => {
    expect(weekRange('2026-11-30', '2026-12-06', 'en-GB')).toBe('30 Nov – 6 Dec 2026');
    expect(weekRange('2026-12-28', '2027-01-03', 'en-GB')).toBe('28 Dec 2026 – 3 Jan 2027');
  });
});

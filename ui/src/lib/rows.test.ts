import { describe, expect, it } from 'vitest';
import type { RecordDto } from './backend';
import { emptyCheckin, emptyJournal, emptySession, type Body } from './kinds';
import { band, checkinPills, checkinWords, rowText, snippetSource } from './rows';

const record = (body: RecordDto['body']): RecordDto => ({
  id: 'r1',
  revision: 1,
  created: '2026-03-02T10:00:00+00:00',
  updated: '2026-03-02T10:00:00+00:00',
  at: '2026-03-02T10:00:00+00:00',
  localDate: '2026-03-02',
  trashed: null,
  body,
});

const checkin = (over: Partial<Body<'checkin'>>): Body<'checkin'> => ({ ...emptyCheckin(), ...over });

describe('check-in pills', () => {
  it('bands: low stress and craving are calm, so is high mood', () => {
    expect([0, 3, 4, 6, 7, 10].map((v) => band('stress', v))).toEqual(['calm', 'calm', 'middle', 'middle', 'heavy', 'heavy']);
    expect([0, 5, 9].map((v) => band('craving', v))).toEqual(['calm', 'middle', 'heavy']);
    expect([10, 7, 6, 4, 3, 0].map((v) => band('mood', v))).toEqual(['calm', 'calm', 'middle', 'middle', 'heavy', 'heavy']);
  });

  it('one pill per rating given, each with its name and number, in order', () => {
    expect(checkinPills({ stress: 7, mood: 4, craving: 0 })).toEqual([
      { measure: 'stress', label: 'Stress', value: 7, band: 'heavy' },
      { measure: 'mood', label: 'Mood', value: 4, band: 'middle' },
      { measure: 'craving', label: 'Craving', value: 0, band: 'calm' },
    ]);
  });

  it('a rating left out (null) has no pill; none at all when nothing was rated', () => {
    expect(checkinPills({ stress: 2, mood: null, craving: null }).map((p) => p.measure)).toEqual(['stress']);
    expect(checkinPills({ stress: null, mood: 8, craving: null }).map((p) => p.measure)).toEqual(['mood']);
    expect(checkinPills({ stress: null, mood: null, craving: null })).toEqual([]);
  });

  it('the words beside the pills are HALT and the note, not the numbers again', () => {
    const b = checkin({ stress: 7, mood: 4, halt: { hungry: true, angry: false, lonely: false, tired: true }, note: 'after group' });
    expect(checkinWords(b)).toBe('Hungry · Tired — after group');
    expect(checkinWords(checkin({ note: 'just a note' }))).toBe('just a note');
    expect(checkinWords(checkin({ halt: { hungry: false, angry: true, lonely: false, tired: false } }))).toBe('Angry');
    expect(rowText(record(b))).not.toMatch(/\d/);
  });

  it('other kinds show their summary', () => {
    expect(rowText(record({ ...emptyJournal(), title: 'Evening' }))).toBe('Evening');
  });
});

describe('search snippets', () => {
  it('leave out what the title already says', () => {
    const r = record({ ...emptyJournal(), title: 'Evening walk', text: 'Slept well after the walk.', tags: ['evening'] });
    expect(snippetSource(r)).toBe('Slept well after the walk.');
  });

  it('a session keeps the facilitator and notes, not the topic shown as its title', () => {
    const r = record({ ...emptySession(), title: 'Anger', facilitator: 'Dr. Rivera', notes: 'Noticing\n\nthe first signs' });
    const s = snippetSource(r);
    expect(s).toContain('Dr. Rivera');
    expect(s).not.toMatch(/^Anger|· Anger/);
  });

  it('an untitled journal entry (its title is its first words) leaves nothing to repeat', () => {
    const r = record({ ...emptyJournal(), text: 'A calmer day.\nWent for a walk.' });
    expect(snippetSource(r)).toBe('');
  });
});

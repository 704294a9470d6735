import { describe, expect, it } from 'vitest';
import type { BodyDto, RecordDto } from '../backend';
import {
  ALL_KINDS,
  ENTRY_KINDS,
  KINDS,
  TIMELINE_KINDS,
  bodyTags,
  emptyCheckin,
  emptyJournal,
  emptySession,
  emptySkillUse,
  recordText,
  searchText,
  summary,
} from '.';

const record = (body: BodyDto): RecordDto => ({
  id: '0123456789abcdef0123456789abcdef',
  revision: 1,
  created: '2026-11-02T09:15:00-05:00',
  updated: '2026-11-02T09:15:00-05:00',
  at: '2026-11-02T09:15:00-05:00',
  localDate: '2026-11-02',
  trashed: null,
  body,
});

describe('the kinds registry', () => {
  it('has every kind the engine exports, each with a label and a mark', () => {
    expect(ALL_KINDS).toEqual(['checkin', 'skill-use', 'session', 'journal', 'skill', 'tracker', 'clock', 'lapse', 'unknown']);
    for (const k of ALL_KINDS) {
      expect(KINDS[k].label, k).toBeTruthy();
      expect(KINDS[k].icon, k).toBeTruthy();
    }
  });

  it('shows entries in the timeline (a newer Keel’s record too), and writes only the ones it knows', () => {
    expect(TIMELINE_KINDS).toEqual(['checkin', 'skill-use', 'session', 'journal', 'lapse', 'unknown']);
    expect(ENTRY_KINDS).toEqual(['checkin', 'skill-use', 'session', 'journal', 'lapse']);
    for (const k of ENTRY_KINDS) expect(KINDS[k].editor?.empty().kind, k).toBe(k);
    expect(KINDS.skill.editor).toBeUndefined();
    expect(KINDS.unknown.editor).toBeUndefined();
  });
});

describe('search text, as the engine builds its haystack', () => {
  it('check-in: emotions, triggers, note — not the context', () => {
    const b = { ...emptyCheckin(), emotions: ['Anxious'], triggers: ['Deadline'], context: 'work' as const, note: 'Long Day' };
    expect(searchText(b)).toBe('anxious\ndeadline\nlong day');
    expect(bodyTags(b)).toEqual(['Anxious', 'Deadline']);
  });

  it('coping skill: skill name, situation, note', () => {
    const b = { ...emptySkillUse(), skillName: 'Box breathing', situation: 'Meeting', note: 'Helped' };
    expect(searchText(b)).toBe('box breathing\nmeeting\nhelped');
    expect(bodyTags(b)).toEqual([]);
  });

  it('session: title, facilitator, notes, takeaways, homework, bring', () => {
    const b = {
      ...emptySession(),
      title: 'Group',
      facilitator: 'Dr. Rivera',
      notes: 'Notes',
      takeaways: 'Breathe',
      homework: [{ text: 'Walk', done: false }],
      bring: [{ text: 'Diary', done: true }],
    };
    expect(searchText(b)).toBe('group\ndr. rivera\nnotes\nbreathe\nwalk\ndiary');
  });

  it('journal: title, prompt, text, tags (and its tags filter)', () => {
    const b = { ...emptyJournal(), title: 'Evening', prompt: 'What helped?', text: 'A walk', tags: ['Sleep'] };
    expect(searchText(b)).toBe('evening\nwhat helped?\na walk\nsleep');
    expect(bodyTags(b)).toEqual(['Sleep']);
  });

  it('skill: name and how-to; a newer Keel’s record: nothing', () => {
    const skill: BodyDto = { kind: 'skill', name: 'Body scan', category: 'mindfulness', howTo: 'Slowly', builtin: null, favourite: false, hidden: false };
    expect(searchText(skill)).toBe('body scan\nslowly');
    const newer: BodyDto = { kind: 'unknown', writtenAs: 'urge_log', version: 2, payload: { note: 'words' } };
    expect(searchText(newer)).toBe('');
    expect(bodyTags(newer)).toEqual([]);
  });

  it('a snippet keeps the fields apart and leaves out empty ones', () => {
    const b = { ...emptyJournal(), title: 'Evening', text: 'A walk\nthen tea' };
    expect(recordText(record(b))).toBe('Evening · A walk · then tea');
  });
});

describe('summaries', () => {
  it('use the person’s own words, and plain words for a newer Keel’s record', () => {
    expect(summary(record({ ...emptyCheckin(), stress: 7, mood: 4, halt: { hungry: true, angry: false, lonely: false, tired: false }, note: 'after group' }))).toBe(
      'Stress 7 · mood 4 · Hungry — after group',
    );
    expect(summary(record({ ...emptySession(), sessionType: 'skills', title: 'DBT' }))).toBe('Skills group: DBT');
    expect(summary(record({ kind: 'unknown', writtenAs: 'urge_log', version: 1, payload: {} }))).toBe(
      'Kept as it is — update Keel to see or change it',
    );
    expect(KINDS.unknown.label).toBe('Written by a newer version of Keel');
  });
});

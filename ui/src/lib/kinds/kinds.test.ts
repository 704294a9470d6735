import { describe, expect, it } from 'vitest';
import type { BodyDto, RecordDto } from '../backend';
import {
  ALL_KINDS,
  ENTRY_KINDS,
  KINDS,
  TIMELINE_KINDS,
  bodyTags,
  emptyCheckin,
  emptyCrisisPlan,
  emptyDiaryCard,
  emptyThoughtRecord,
  changeWords,
  moodChange,
  emptyEvening,
  emptyJournal,
  emptyMorning,
  firstLine,
  emptySession,
  emptySkillUse,
  recordText,
  searchText,
  summary,
  todayKinds,
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
    expect(ALL_KINDS).toEqual([
      'checkin',
      'skill-use',
      'session',
      'journal',
      'skill',
      'tracker',
      'clock',
      'lapse',
      'crisis-plan',
      'morning',
      'evening',
      'schedule',
      'occurrence',
      'goal',
      'step-down',
      'assessment',
      'diary-card',
      'diary-setup',
      'thought-record',
      'report-setup',
      'unknown',
    ]);
    for (const k of ALL_KINDS) {
      expect(KINDS[k].label, k).toBeTruthy();
      expect(KINDS[k].icon, k).toBeTruthy();
    }
  });

  it('shows entries in the timeline (a newer Keel’s record too), and writes only the ones it knows', () => {
    // As the engine's ENTRY: a morning intention and an evening review are entries; the plans,
    // the schedule and goals are reference, kept on their own screens.
    expect(TIMELINE_KINDS).toEqual([
      'checkin',
      'skill-use',
      'session',
      'journal',
      'lapse',
      'morning',
      'evening',
      'assessment',
      'diary-card',
      'thought-record',
      'unknown',
    ]);
    expect(ENTRY_KINDS).toEqual(['checkin', 'skill-use', 'session', 'journal', 'lapse', 'morning', 'evening', 'diary-card', 'thought-record']);
    for (const k of ENTRY_KINDS) expect(KINDS[k].editor?.empty().kind, k).toBe(k);
    for (const k of ['skill', 'unknown', 'crisis-plan', 'schedule', 'occurrence', 'goal', 'step-down'] as const) {
      expect(KINDS[k].editor, k).toBeUndefined();
    }
    expect(KINDS.morning.editor?.newLabel).toBe('Morning intention');
    expect(KINDS.evening.editor?.newLabel).toBe('Evening review');
    // A day's diary card is edited from a list; cards are started on the week page, not Today.
    expect(KINDS['diary-card'].editor?.fromToday).toBe(false);
    expect(KINDS['thought-record'].editor?.newLabel).toBe('Thought record');
    expect(KINDS['diary-setup'].editor, 'the set-up is changed on the week page').toBeUndefined();
  });
});

describe('Today’s New buttons', () => {
  it('puts the morning intention first before noon and the evening review first from 5 pm; never a lapse or a diary card', () => {
    const midday = todayKinds(14);
    expect(midday).toEqual(['checkin', 'skill-use', 'session', 'journal', 'morning', 'evening', 'thought-record']);
    expect(todayKinds(0)).toEqual(['morning', 'checkin', 'skill-use', 'session', 'journal', 'evening', 'thought-record']);
    expect(todayKinds(11)[0]).toBe('morning');
    expect(todayKinds(12)).toEqual(midday);
    expect(todayKinds(16)).toEqual(midday);
    expect(todayKinds(17)).toEqual(['evening', 'checkin', 'skill-use', 'session', 'journal', 'morning', 'thought-record']);
    expect(todayKinds(23)[0]).toBe('evening');
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

  it('morning: intention, then the one step (an empty one still joins, as in the engine)', () => {
    expect(searchText({ ...emptyMorning(), intention: 'Stay Steady', oneStep: 'Call Sam' })).toBe('stay steady\ncall sam');
    expect(searchText({ ...emptyMorning(), intention: 'Rest' })).toBe('rest\n');
    expect(bodyTags({ ...emptyMorning(), intention: 'Rest' })).toEqual([]);
  });

  it('evening: went well, was hard, grateful — not the peak stress', () => {
    const b = { ...emptyEvening(), wentWell: 'Walk', wasHard: 'Meeting', peakStress: 6, grateful: 'Tea' };
    expect(searchText(b)).toBe('walk\nmeeting\ntea');
    expect(bodyTags(b)).toEqual([]);
  });

  it('crisis plan: the five lists in order, then each person and line', () => {
    const b = {
      ...emptyCrisisPlan(),
      warningSigns: ['Not sleeping'],
      onMyOwn: ['Shower'],
      takeMyMindOff: ['Library'],
      people: [{ name: 'Sam', phone: '555 0100', note: '' }],
      professionals: [{ name: 'Line', phone: '988', note: 'Any hour' }],
      saferSurroundings: ['Keys with Ana'],
      reasons: ['My daughter'],
    };
    expect(searchText(b)).toBe('not sleeping\nshower\nlibrary\nkeys with ana\nmy daughter\nsam\n555 0100\n\nline\n988\nany hour');
  });

  it('goal, step-down, schedule and occurrence: their words in the engine’s order', () => {
    const goal: BodyDto = { kind: 'goal', title: 'Sleep', why: 'Mornings', steps: [{ text: 'No phone', done: true }], target: null, reached: false, archived: false };
    expect(searchText(goal)).toBe('sleep\nmornings\nno phone');
    const plan: BodyDto = {
      kind: 'step-down',
      phases: [
        { name: 'IOP', from: null, to: null, supports: ['Group'], appointments: ['Tue'], note: 'Evenings' },
        { name: 'Aftercare', from: null, to: null, supports: [], appointments: [], note: '' },
      ],
    };
    expect(searchText(plan)).toBe('iop\nevenings\ngroup\ntue\naftercare\n');
    const slot: BodyDto = { kind: 'schedule', title: 'Group', sessionType: 'group', first: '2026-11-30', start: '18:00', minutes: 180, weekdays: [1], until: null, place: 'Room 4', online: false, archived: false };
    expect(searchText(slot)).toBe('group\nroom 4');
    const occ: BodyDto = { kind: 'occurrence', slot: 'a'.repeat(32), slotTitle: 'Group', date: '2026-11-30', cancelled: false, movedTo: null, attendance: 'attended', note: 'Good one', sessionNote: null };
    expect(searchText(occ)).toBe('group\ngood one');
  });

  it('diary card: urge targets, emotion names, skills, note (its tags the skills); the set-up: its names', () => {
    const card: BodyDto = {
      kind: 'diary-card',
      date: '2026-11-30',
      urges: [{ target: 'To use', level: 2, acted: false }],
      emotions: [{ name: 'Fear', level: 3 }, { name: 'Joy', level: 1 }],
      skills: ['Box breathing'],
      skillsRating: 5,
      medication: true,
      note: 'Group Night',
    };
    expect(searchText(card)).toBe('to use\nfear\njoy\nbox breathing\ngroup night');
    expect(bodyTags(card)).toEqual(['Box breathing']);
    const setup: BodyDto = { kind: 'diary-setup', targets: ['To use'], emotions: ['Fear'], medication: true };
    expect(searchText(setup)).toBe('to use\nfear');
    expect(bodyTags(setup)).toEqual([]);
  });

  it('thought record: situation, mood names, thoughts, evidence for and against, balanced thought (its tags the moods)', () => {
    const b = {
      ...emptyThoughtRecord(),
      situation: 'Boss Frowned',
      moods: [{ name: 'Anxious', before: 80, after: 40 }],
      thoughts: [{ text: "I'll be fired", hot: true }],
      evidenceFor: 'He frowned',
      balanced: 'One frown',
      belief: 60,
    };
    expect(searchText(b)).toBe("boss frowned\nanxious\ni'll be fired\nhe frowned\n\none frown");
    expect(bodyTags(b)).toEqual(['Anxious']);
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

  it('cut to the first line that is not blank, with an ellipsis, as the engine’s first_line', () => {
    expect(firstLine('\n  \n  Hello there  \nsecond', 60)).toBe('Hello there');
    expect(firstLine('ab😀cd', 3)).toBe('ab😀…');
    expect(firstLine('abc', 3)).toBe('abc');
    expect(firstLine('', 5)).toBe('');
  });

  it('morning: the first line of the intention, up to 60 characters', () => {
    expect(summary(record({ ...emptyMorning(), intention: 'Go gently\nand eat lunch', oneStep: 'Walk' }))).toBe('Go gently');
    expect(summary(record({ ...emptyMorning(), intention: 'x'.repeat(61) }))).toBe(`${'x'.repeat(60)}…`);
  });

  it('evening: went well, else grateful, else was hard (50 characters), then the peak stress', () => {
    const e = emptyEvening();
    expect(summary(record({ ...e, wentWell: 'A walk\nthen tea', wasHard: 'Work', grateful: 'Sun', peakStress: 6 }))).toBe('A walk · peak stress 6');
    expect(summary(record({ ...e, wasHard: 'Work', grateful: 'Sun' }))).toBe('Sun');
    expect(summary(record({ ...e, wasHard: 'y'.repeat(51) }))).toBe(`${'y'.repeat(50)}…`);
    expect(summary(record({ ...e, peakStress: 0 }))).toBe('Peak stress 0');
    expect(summary(record(e))).toBe('');
  });

  it('diary card: its day as the engine writes it, the highest urge, how many skills', () => {
    const card = { ...emptyDiaryCard('2026-11-28') };
    expect(summary(record(card))).toBe('Diary card for Sat 28 Nov 2026');
    const urges = [
      { target: 'To use', level: 1, acted: null },
      { target: 'To hurt myself', level: 4, acted: false },
    ];
    expect(summary(record({ ...card, urges, skills: ['Box breathing'] }))).toBe('Diary card for Sat 28 Nov 2026 · highest urge 4 of 5 · 1 skill');
    expect(summary(record({ ...card, skills: ['Box breathing', 'Body scan'] }))).toBe('Diary card for Sat 28 Nov 2026 · 2 skills');
    expect(summary(record({ kind: 'diary-setup', targets: ['To use'], emotions: ['Fear', 'Joy'], medication: false }))).toBe('Diary card: 1 targets, 2 emotions');
    expect(summary(record({ kind: 'report-setup', sections: ['checkins', 'skills'], sessionNotes: 'titles', paper: 'a4', name: '', entries: [] }))).toBe('Report choices: 2 sections');
  });

  it('thought record: the situation’s first line, then the first mood and its re-rating', () => {
    const b = { ...emptyThoughtRecord(), situation: '\nBoss frowned at my report\nlater', moods: [{ name: 'Anxious', before: 80, after: 40 }, { name: 'Low', before: 30, after: null }] };
    expect(summary(record(b))).toBe('Boss frowned at my report · Anxious 80 → 40');
    expect(summary(record({ ...b, moods: [{ name: 'Low', before: 30, after: null }] }))).toBe('Boss frowned at my report · Low 30');
    expect(summary(record({ ...b, moods: [] }))).toBe('Boss frowned at my report');
  });

  it('thought record: each mood’s change in words', () => {
    expect(changeWords({ name: 'Anxious', before: 80, after: 40 })).toBe('Anxious 80 → 40, down 40');
    expect(changeWords({ name: 'Hopeful', before: 10, after: 35 })).toBe('Hopeful 10 → 35, up 25');
    expect(changeWords({ name: 'Low', before: 30, after: 30 })).toBe('Low 30 → 30, no change');
    expect(changeWords({ name: 'Angry', before: 50, after: null })).toBe('Angry 50, not rated again yet');
    expect(moodChange({ before: 80, after: 40 })).toBe(-40);
    expect(moodChange({ before: 80, after: null })).toBeNull();
  });

  it('the plans, goals and schedule, as the engine writes them', () => {
    expect(summary(record(emptyCrisisPlan()))).toBe('My crisis plan');
    const goal = { kind: 'goal' as const, title: 'Sleep', why: '', steps: [], target: null, reached: false, archived: false };
    expect(summary(record(goal))).toBe('Sleep');
    expect(summary(record({ ...goal, steps: [{ text: 'a', done: true }, { text: 'b', done: false }, { text: 'c', done: false }] }))).toBe('Sleep · 1 of 3 steps');
    const phase = { from: null, to: null, supports: [], appointments: [], note: '' };
    expect(summary(record({ kind: 'step-down', phases: [{ ...phase, name: 'IOP' }, { ...phase, name: 'Aftercare' }] }))).toBe('IOP → Aftercare');
    expect(summary(record({ kind: 'step-down', phases: [] }))).toBe('');
    const slot = { kind: 'schedule' as const, title: 'Group', sessionType: 'group' as const, first: '2026-11-30', start: '08:30', minutes: 60, weekdays: [], until: null, place: '', online: false, archived: false };
    expect(summary(record(slot))).toBe('Group · 08:30');
    const occ = { kind: 'occurrence' as const, slot: 'a'.repeat(32), slotTitle: 'Group', date: '2026-11-30', cancelled: false, movedTo: null, attendance: null, note: '', sessionNote: null };
    expect(summary(record(occ))).toBe('Group · 2026-11-30 · noted');
    expect(summary(record({ ...occ, movedTo: '2026-12-01T19:00' }))).toBe('Group · 2026-11-30 · moved');
    expect(summary(record({ ...occ, movedTo: '2026-12-01T19:00', attendance: 'missed' }))).toBe('Group · 2026-11-30 · missed');
    expect(summary(record({ ...occ, cancelled: true, attendance: 'excused' }))).toBe('Group · 2026-11-30 · cancelled');
  });
});

// The fake's counsellor report against the engine's (src/report/mod.rs): each bad field named
// with the engine's words, in its order; the three sections it builds, with figures worked by
// hand; the others empty as the engine leaves them; and Save as the shell answers it.
import { describe, expect, it } from 'vitest';
import { FakeBackend } from './fake';
import type { BodyDto, ReportRequest } from './index';
import { emptyCheckin, emptyJournal, emptySession } from '../kinds';
import { localDay, addDays } from '../time';
import { one, shortDate } from './fakeReport';

const PASS = 'maple orbit quietly';

async function unlocked() {
  const fake = new FakeBackend({ passphrase: PASS, recoveryGroups: Array.from({ length: 13 }, () => 'AB00C') });
  await fake.unlock({ passphrase: PASS }, fake.epoch);
  return fake;
}

const req = (over: Partial<ReportRequest> = {}): ReportRequest => ({
  from: '2026-11-01',
  to: '2026-11-30',
  sections: ['checkins'],
  sessionNotes: 'titles',
  entries: [],
  name: '',
  paper: 'a4',
  ...over,
});

/** Noon on `day`, local time. */
function noon(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
}

async function rejection(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { code: string; field: string | null; message: string };
  }
  throw new Error('expected the request to be refused');
}

describe('the fake report request check', () => {
  it('names each bad field with the engine reason, in the order the engine checks them', async () => {
    const fake = await unlocked();
    const cases: [Partial<ReportRequest>, string, string][] = [
      [{ from: '1 Nov' }, 'from', 'from: a date like 2026-11-30'],
      [{ to: '2026-11-31' }, 'to', 'to: a date like 2026-11-30'],
      [{ from: '2026-11-30', to: '2026-11-01' }, 'to', 'to: the last day comes before the first'],
      [{ sections: ['checkins', 'moods'] }, 'sections', 'sections: choose from checkins, skills, sessions, homework, attendance, questionnaires, diary, thoughts, lapses, entries'],
      [{ sections: [] }, 'sections', 'sections: choose at least one section'],
      [{ sessionNotes: 'some' }, 'sessionNotes', 'sessionNotes: choose titles or full'],
      [{ paper: 'legal' }, 'paper', 'paper: choose a4 or letter'],
      [{ name: 'Sam\nLee' }, 'name', 'name: a name is one line'],
      [{ name: 'x'.repeat(81) }, 'name', 'name: at most 80 characters'],
      [{ entries: Array.from({ length: 201 }, (_, i) => i.toString(16).padStart(32, '0')) }, 'entries', 'entries: at most 200 entries in one report'],
      [{ entries: ['abc'] }, 'entries', "entries: an entry's id is 32 hexadecimal digits"],
    ];
    for (const [over, field, message] of cases) {
      const e = await rejection(fake.reportPreview(req(over)));
      expect({ code: e.code, field: e.field, message: e.message }, JSON.stringify(over)).toEqual({ code: 'InvalidInput', field, message });
    }
    // Trimmed and any case, as the engine reads them; 80 characters is allowed.
    await expect(fake.reportPreview(req({ sections: [' CheckIns '], paper: ' LETTER ', name: ` ${'y'.repeat(80)} ` }))).resolves.toMatchObject({ paper: 'letter', name: 'y'.repeat(80) });
  });

  it('names an id that is not a journal entry: missing, another kind, or in the trash', async () => {
    const fake = await unlocked();
    const checkin = fake.insert({ ...emptyCheckin(), stress: 3 }, noon('2026-11-02'));
    const trashed = fake.insert({ ...emptyJournal(), text: 'gone' }, noon('2026-11-03'));
    await fake.trashRecord(trashed.id);
    const missing = 'ab'.repeat(16);
    for (const id of [checkin.id, trashed.id, missing]) {
      const e = await rejection(fake.reportPreview(req({ sections: ['entries'], entries: [id.toUpperCase()] })));
      expect(e).toMatchObject({ code: 'InvalidInput', field: 'entries', message: `entries: no journal entry ${id}` });
    }
  });
});

describe('the fake report', () => {
  it('builds check-ins, session notes and the chosen entries as the engine does, and only the sections chosen', async () => {
    const fake = await unlocked();
    const checkin = (stress: number | null, mood: number | null, craving: number | null): BodyDto => ({ ...emptyCheckin(), stress, mood, craving });
    fake.insert(checkin(4, 6, null), noon('2026-11-02'));
    fake.insert(checkin(7, 3, 2), noon('2026-11-02'));
    fake.insert(checkin(2, null, 0), noon('2026-11-04'));
    fake.insert(checkin(9, 9, 9), noon('2026-12-01')); // after the span
    fake.insert({ ...emptySession(), title: 'Group: relapse prevention', sessionType: 'group', facilitator: 'Dana', notes: 'Talked about triggers.', takeaways: 'Plan the weekend.' }, noon('2026-11-03'));
    const entry = fake.insert({ ...emptyJournal(), title: 'A hard Sunday', prompt: 'What helped?', text: 'Walked.\n\nCalled my sister.' }, noon('2026-10-20'));
    fake.insert({ ...emptyJournal(), title: 'Not chosen', text: 'private' }, noon('2026-11-05'));

    const r = await fake.reportPreview(req({ sections: ['entries', 'sessions', 'checkins', 'lapses'], entries: [entry.id], name: ' Sam ' }));
    expect(r.title).toBe('Keel report');
    expect(r.range).toBe('1 November 2026 to 30 November 2026');
    expect(r.name).toBe('Sam');
    expect(r.prepared).toMatch(/^Prepared by the client with Keel on \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
    expect(r.sections.map((s) => s.heading)).toEqual(['Check-ins', 'Session notes', 'Lapses', 'Journal entries']);

    const [checkins, sessions, lapses, entries] = r.sections;
    // Stress (4 + 7 + 2) / 3 = 4.3; mood (6 + 3) / 2 = 4.5; craving (2 + 0) / 2 = 1.0.
    expect(checkins.blocks[0]).toEqual({ type: 'paragraph', text: '3 check-ins on 2 of the 30 days.' });
    expect(checkins.blocks[1]).toEqual({
      type: 'table',
      caption: 'Each rated 0 to 10',
      header: ['', 'Average', 'Lowest', 'Highest', 'Ratings'],
      rows: [
        ['Stress', '4.3', '2', '7', '3'],
        ['Mood', '4.5', '3', '6', '2'],
        ['Craving', '1.0', '0', '2', '2'],
      ],
    });
    expect(checkins.blocks[2]).toMatchObject({ type: 'chart', title: 'Average by day', labels: ['2 Nov', '4 Nov'], x: [1 / 29, 3 / 29], max: 10 });
    expect(checkins.blocks[3]).toEqual({
      type: 'table',
      caption: "The chart's figures",
      header: ['Day', 'Stress', 'Mood', 'Craving', 'Check-ins'],
      rows: [
        ['Mon 2 Nov 2026', '5.5', '4.5', '2.0', '2'],
        ['Wed 4 Nov 2026', '2.0', '–', '0.0', '1'],
      ],
    });
    expect(sessions.blocks).toEqual([{ type: 'table', caption: '', header: ['Day', 'Session', 'Kind'], rows: [['Tue 3 Nov 2026', 'Group: relapse prevention', 'Group']] }]);
    expect(lapses.blocks).toEqual([{ type: 'paragraph', text: 'Nothing recorded between these dates.' }]);
    expect(entries.blocks).toEqual([
      { type: 'heading', text: 'Tue 20 Oct 2026: A hard Sunday' },
      { type: 'note', text: 'What helped?' },
      { type: 'paragraph', text: 'Walked.' },
      { type: 'paragraph', text: 'Called my sister.' },
    ]);
    expect(JSON.stringify(r)).not.toContain('private');

    const full = await fake.reportPreview(req({ sections: ['sessions'], sessionNotes: 'full' }));
    expect(full.sections[0].blocks).toEqual([
      { type: 'heading', text: 'Tue 3 Nov 2026: Group: relapse prevention' },
      { type: 'note', text: 'Group, with Dana' },
      { type: 'paragraph', text: 'Talked about triggers.' },
      { type: 'paragraph', text: 'What I took away: Plan the weekend.' },
    ]);
    const none = await fake.reportPreview(req({ sections: ['entries'] }));
    expect(none.sections[0].blocks).toEqual([{ type: 'paragraph', text: 'No journal entries were chosen.' }]);
  });

  it('writes figures and days as Rust does', () => {
    expect([one(0.25), one(0.75), one(4 / 3), one(2), one(0.35)]).toEqual(['0.2', '0.8', '1.3', '2.0', '0.3']);
    expect(shortDate('2026-11-02')).toBe('Mon 2 Nov 2026');
  });

  it('saves as the shell does: the request kept, the suggested name back, null on cancel, a bad request refused', async () => {
    const fake = await unlocked();
    const today = localDay();
    const from = addDays(today, -29);
    await expect(fake.saveReport(req({ from, to: today }))).resolves.toBe(`Keel report ${from} to ${today}.pdf`);
    expect(fake.lastSaveRequest).toEqual(req({ from, to: today }));
    fake.cancelSave = true;
    await expect(fake.saveReport(req())).resolves.toBeNull();
    await expect(fake.saveReport(req({ sections: [] }))).rejects.toMatchObject({ field: 'sections' });
  });
});

// @vitest-environment node
// The fake's importers against what the engine's do (src/import/): a Keel export read back into
// a new journal gives the same records, a second import adds nothing, and a problem is named by
// its line or entry and field as the engine names it.
import { describe, expect, it } from 'vitest';
import { FakeBackend } from './fake';
import { csvRows, daylioTime, noteText, parseMoodMap } from './fakeImport';
import { emptyJournal } from '../kinds';
import type { BodyDto } from './index';

async function opened(): Promise<FakeBackend> {
  const fake = new FakeBackend();
  await fake.createOpen('a long enough passphrase');
  return fake;
}

const journal = (text: string) => ({ ...emptyJournal(), text }) as BodyDto;

describe('the fake import', () => {
  it('reads its own JSON export back into a new journal as the same records, and a second time adds nothing', async () => {
    const a = await opened();
    a.insert(journal('first'), new Date(2025, 0, 2, 9));
    const trashed = a.insert(journal('in the trash'), new Date(2025, 0, 3, 9));
    await a.trashRecord(trashed.id);
    // A built-in skill changed here (revision 2) must come across as it is.
    const box = [...a.records.values()].find((r) => r.body.kind === 'skill' && r.body.builtin === 'box-breathing')!;
    await a.updateRecord({ id: box.id, at: null, body: { ...box.body, favourite: true } as BodyDto });
    expect(await a.exportTo('json', false)).toMatch(/^Keel export \d{4}-\d{2}-\d{2}\.json$/);
    const text = a.lastExport!.text!;

    const b = await opened();
    b.openDialog = { name: 'keel.json', source: 'keel', text };
    const preview = await b.importPreview('keel', '');
    expect(preview, 'every record is new: the built-in skills never changed give way').toMatchObject({
      added: a.records.size,
      already: 0,
      written: false,
      file: 'keel.json',
    });
    expect(preview!.byKind).toEqual([
      { kind: 'skill', n: 12 },
      { kind: 'journal', n: 2 },
    ]);
    const done = await b.importConfirm();
    expect(done).toMatchObject({ added: a.records.size, written: true });
    expect([...b.records.keys()].sort()).toEqual([...a.records.keys()].sort());
    expect(b.records.get(trashed.id)?.trashed, 'the trash comes across').not.toBeNull();
    expect(b.records.get(box.id)).toMatchObject({ revision: 2, body: { favourite: true } });

    b.openDialog = { name: 'keel.json', text };
    expect(await b.importPreview('keel', '')).toMatchObject({ added: 0, already: a.records.size, byKind: [], firstDay: null, first: [] });
  });

  it('names a problem in a Keel export by its entry and field, and counts records from a newer Keel', async () => {
    const fake = await opened();
    const record = (over: object) => ({
      id: '0123456789abcdef0123456789abcdef',
      revision: 1,
      created: '2025-01-02T09:00:00+00:00',
      updated: '2025-01-02T09:00:00+00:00',
      at: '2025-01-02T09:00:00+00:00',
      localDate: '2025-01-02',
      trashed: null,
      body: { kind: 'checkin', stress: 4 },
      ...over,
    });
    const doc = (records: object[]) => JSON.stringify({ format: 'keel-export', version: 1, exportedAt: '', records, damaged: [] });
    const preview = (text: string) => {
      fake.openDialog = { name: 'x.json', text };
      return fake.importPreview('keel', '');
    };
    await expect(preview(doc([record({}), record({ id: 'ab'.repeat(16), revision: 0 })]))).rejects.toMatchObject({
      field: 'records',
      message: 'records: entry 2 (revision): a revision starts at 1',
    });
    await expect(preview(doc([record({ body: { kind: 'checkin', stress: 11 } })]))).rejects.toMatchObject({
      message: 'records: entry 1 (stress): a rating is a whole number from 0 to 10',
    });
    await expect(preview(doc([record({ at: 'yesterday' })]))).rejects.toMatchObject({ message: expect.stringMatching(/^records: entry 1 \(at\): a time is RFC 3339/) });
    await expect(preview('{"format": "keel-export",\n "version": 2, "records": []}')).rejects.toMatchObject({ field: 'version' });
    await expect(preview('{"format": "keel-export",\n oops}')).rejects.toMatchObject({ field: 'file', message: expect.stringMatching(/^file: not a Keel export \(line 2, column \d+\)$/) });
    const newer = record({ id: 'cd'.repeat(16), body: { kind: 'unknown', writtenAs: 'later', version: 1, tags: [] } });
    expect(await preview(doc([record({}), newer]))).toMatchObject({ added: 1, newer: 1, first: [{ day: '2025-01-02', summary: 'stress 4' }] });
  });

  it('reads Daylio as the engine does: rows by line, times in both forms, the mood map, notes made plain', async () => {
    expect(csvRows('\uFEFFa,b,c\r\n1,"two, three","say ""hi"""\r\n\r\n2,"line one\nline two",x\n3,,')).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1', 'two, three', 'say "hi"']],
      [4, ['2', 'line one\nline two', 'x']],
      [6, ['3', '', '']],
    ]);
    expect(() => csvRows('a\n"open')).toThrow();
    expect(daylioTime('21:15')).toEqual([21, 15, 0]);
    expect(daylioTime('9:15 PM')).toEqual([21, 15, 0]);
    expect(daylioTime('9:15pm')).toEqual([21, 15, 0]);
    expect(daylioTime('12:05 a.m.')).toEqual([0, 5, 0]);
    expect(daylioTime('7:00 AM')).toEqual([7, 0, 0]);
    expect(daylioTime('25:00')).toBeNull();
    expect(daylioTime('soon')).toBeNull();
    expect(noteText('A <b>good</b> day<br>with <i>Sam</i> &amp; Jo&nbsp;&#8212; 5 &lt; 6<br/>end')).toBe('A **good** day\nwith *Sam* & Jo \u2014 5 < 6\nend');
    expect(noteText('no tags &unknown; &')).toBe('no tags &unknown; &');
    expect(noteText('<p>one</p><p>two</p>')).toBe('one\ntwo');
    expect(noteText('broken <b')).toBe('broken <b');
    const map = parseMoodMap('ecstatic=10, Good=8');
    expect(map).toContainEqual(['ecstatic', 10]);
    expect(map).toContainEqual(['good', 8]);
    expect(map).toContainEqual(['awful', 1]);
    for (const bad of ['rad', 'rad=11', '=3', 'rad=x']) expect(() => parseMoodMap(bad), bad).toThrow();

    const fake = await opened();
    const preview = (text: string, moods = '') => {
      fake.openDialog = { name: 'daylio.csv', text };
      return fake.importPreview('daylio', moods);
    };
    const head = 'full_date,date,weekday,time,mood,activities,note_title,note\n';
    await expect(preview('date,time,mood\n')).rejects.toMatchObject({ message: 'file: no full_date column: is this a Daylio CSV export?' });
    await expect(preview(`${head}2025-02-30,,,10:00,rad,,,\n`)).rejects.toMatchObject({ message: 'file: line 2 (full_date): a date is YYYY-MM-DD' });
    await expect(preview(`${head}2025-02-03,,,soon,rad,,,\n`)).rejects.toMatchObject({ message: 'file: line 2 (time): a time is like 21:15 or 9:15 PM' });
    await expect(preview(`${head}2025-02-03,,,10:00,rad,,,\n2025-02-03,,,11:00,Blissful,,,\n`)).rejects.toMatchObject({
      field: 'file',
      message: 'file: line 3 (mood): \u201cBlissful\u201d has no number: give it one with --mood-map "blissful=N"',
    });
    await expect(preview(`${head}"2025-02-03,,,10:00,rad,,,\n`)).rejects.toMatchObject({ message: 'file: line 2: a quote that is never closed' });
    await expect(preview(head, 'rad')).rejects.toMatchObject({ field: 'moodMap' });
    // Only the mood: a check-in alone; activities alone: a journal entry with them as words.
    expect(await preview(`${head}2025-02-03,,,10:00,Blissful,,,\n2025-02-04,,,10:00,awful,sleep | walk,,\n`, 'blissful=10')).toMatchObject({
      added: 3,
      byKind: [{ kind: 'checkin', n: 2 }, { kind: 'journal', n: 1 }],
      firstDay: '2025-02-03',
      lastDay: '2025-02-04',
    });
    await fake.importConfirm();
    const words = [...fake.records.values()].flatMap((r) => (r.body.kind === 'journal' ? [[r.body.text, r.body.tags]] : []));
    expect(words).toEqual([['sleep, walk', ['sleep', 'walk']]]);
  });
});

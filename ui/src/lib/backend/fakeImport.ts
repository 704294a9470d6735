// The fake backend's importers (issue 11), for the UI's tests and the browser preview. They read
// a file as the engine's `src/import/` does, as far as the tests need, honestly:
//
// - Keel's own JSON export (the document `FakeBackend.exportTo` writes for JSON): the format and
//   version checked, every record kept as it is (id, revision, times, the trash); records from a
//   newer Keel counted and left out. The fake checks each body with its own `normalize`.
// - Daylio's CSV (`src/import/daylio.rs`): columns found by their header's name, a byte-order
//   mark dropped, `full_date` the date, times in 24- or 12-hour form, each mood label given a
//   number by the mood map (Daylio's five on top), the note's HTML made plain text, activities
//   as tags; each row a check-in with the mood and, when it has words, a journal entry. A missing
//   column or a label without a number is named as the engine names it.
// - Day One's and jrnl's JSON, minimally: each entry a journal entry with its text and tags
//   (starred as the tag `starred`). Day One's time is read in this machine's offset, not the
//   entry's own time zone; its photos and other media are counted and left behind.
//
// A record's id comes from the entry's stable key, hashed (not the engine's SHA-256, but as
// stable), so the same file imported twice adds nothing.
import type { BodyDto, ErrorDto, ImportSource, RecordDto } from './index';
import { summary } from '../kinds';
import { localRfc3339 } from '../time';

/** A file as the fake's open dialog answers it. `source` only says what made it (for the
 * reader of a test): like the shell, the fake reads it as the source the person chose. */
export interface FakeFile {
  name: string;
  text: string;
  source?: ImportSource;
}

/** One record read from a file, not yet checked as the vault checks it. `fault` makes a
 * problem found in the body (a field and its reason) an error naming where it is in the file. */
export interface Incoming {
  id: string;
  revision: number;
  created: string;
  updated: string;
  at: string;
  trashed: string | null;
  body: BodyDto;
  fault: (field: string, reason: string) => ErrorDto;
}

export interface ParsedFile {
  records: Incoming[];
  /** From a newer Keel: left out. */
  newer: number;
  /** Photos, audio, video and PDFs: left out. */
  media: number;
}

/** The engine's `InvalidInput`: the boundary field's name, then the reason. */
function invalid(field: string, reason: string): ErrorDto {
  return { code: 'InvalidInput', message: `${field}: ${reason}`, field, id: null, group: null, waitSeconds: null };
}

/** A problem on a line of a CSV file (`import::row_error`). */
const rowError = (line: number, field: string, reason: string) => invalid('file', `line ${line} (${field}): ${reason}`);

/** A problem in an entry of a JSON file (`import::at_entry`). */
const atEntry = (i: number, field: string, reason: string) => invalid('records', `entry ${i + 1} (${field}): ${reason}`);

export function parseSource(s: string): ImportSource {
  const t = s.trim().toLowerCase();
  if (t === 'keel' || t === 'daylio' || t === 'jrnl') return t;
  if (t === 'dayone' || t === 'day-one') return 'dayone';
  throw invalid('source', 'choose one of keel, daylio, dayone, jrnl');
}

/** Daylio's own five labels and their numbers (`MoodMap::default`). */
export const DAYLIO_MOODS: readonly [string, number][] = [
  ['rad', 9],
  ['good', 7],
  ['meh', 5],
  ['bad', 3],
  ['awful', 1],
];

/** `MoodMap::parse`: `rad=9,good=7,…` on top of the defaults; a label given again takes the new
 * number. */
export function parseMoodMap(s: string): [string, number][] {
  const map: [string, number][] = DAYLIO_MOODS.map(([l, n]) => [l, n]);
  for (const part of s.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    if (eq < 0) throw invalid('moodMap', 'give each as label=number, like rad=9');
    const raw = part.slice(eq + 1).trim();
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(n <= 10)) throw invalid('moodMap', 'each number is from 0 to 10');
    const label = part.slice(0, eq).trim().toLowerCase();
    if (!label) throw invalid('moodMap', 'a label is missing before =');
    const i = map.findIndex(([l]) => l === label);
    if (i >= 0) map.splice(i, 1);
    map.push([label, n]);
  }
  return map;
}

/** A stable 128-bit id (32 hex digits) from a source entry's key. */
function keyId(source: string, key: string, kind: string): string {
  const s = `keel-import\u0000${source}\u0000${kind}\u0000${key}`;
  let out = '';
  for (let round = 0; round < 4; round++) {
    let h = (0x811c9dc5 ^ Math.imul(round + 1, 0x9e3779b9)) >>> 0;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

/** `import::csv::rows`: RFC 4180 rows, each with the line it began on; a BOM dropped, blank lines
 * skipped. An unclosed quote is the line it opened on (thrown as a number). */
export function csvRows(input: string): [number, string[]][] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const out: [number, string[]][] = [];
  let field = '';
  let fields: string[] = [];
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let touched = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (quoted) {
      if (c === '"' && next === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else if (c === '\n') {
        line++;
        field += '\n';
      } else if (!(c === '\r' && next === '\n')) field += c;
      continue;
    }
    if (c === '"') {
      quoted = true;
      quoteLine = line;
      touched = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      touched = true;
    } else if (c === '\r' && next === '\n') {
      // The \n ends the row.
    } else if (c === '\n' || c === '\r') {
      if (touched || field) {
        fields.push(field);
        out.push([rowLine, fields]);
        fields = [];
        field = '';
      }
      touched = false;
      line++;
      rowLine = line;
    } else {
      field += c;
      touched = true;
    }
  }
  if (quoted) throw quoteLine;
  if (touched || field) {
    fields.push(field);
    out.push([rowLine, fields]);
  }
  return out;
}

/** A time as Daylio writes it: `21:15`, `9:15 PM`, `9:15pm`, `09:15 a.m.`; [hours, minutes,
 * seconds] or null. */
export function daylioTime(s: string): [number, number, number] | null {
  const t = s.trim().toUpperCase().replace(/\./g, '');
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?$/.exec(t);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const sec = m[3] === undefined ? 0 : Number(m[3]);
  if (min > 59 || sec > 59) return null;
  if (m[4]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (m[4] === 'PM' ? 12 : 0);
  } else if (h > 23) return null;
  return [h, min, sec];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: ' ' };

/** `daylio::note_text`: the note's HTML as plain text, line breaks kept, bold and italic as
 * Markdown, entities decoded, other tags dropped. */
export function noteText(html: string): string {
  let out = '';
  let rest = html;
  for (;;) {
    const i = rest.search(/[<&]/);
    if (i < 0) break;
    out += rest.slice(0, i);
    rest = rest.slice(i);
    if (rest.startsWith('<')) {
      const end = rest.indexOf('>');
      if (end < 0) {
        out += rest;
        rest = '';
        break;
      }
      const tag = rest.slice(1, end).trim().toLowerCase();
      const name = tag.replace(/^\/+/, '').split(/[\s/]/)[0] ?? '';
      if (name === 'br') out += '\n';
      else if ((name === 'p' || name === 'div' || name === 'li') && !tag.startsWith('/') && out && !out.endsWith('\n')) out += '\n';
      else if (name === 'b' || name === 'strong') out += '**';
      else if (name === 'i' || name === 'em') out += '*';
      rest = rest.slice(end + 1);
    } else {
      const semi = rest.indexOf(';', 1);
      const ent = semi < 0 ? '' : rest.slice(1, semi);
      let c: string | undefined = ENTITIES[ent];
      if (c === undefined && ent.startsWith('#')) {
        const code = /^#[xX][0-9a-fA-F]+$/.test(ent) ? parseInt(ent.slice(2), 16) : /^#\d+$/.test(ent) ? Number(ent.slice(1)) : NaN;
        if (Number.isFinite(code) && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)) c = String.fromCodePoint(code);
      }
      if (c !== undefined) {
        out += c;
        rest = rest.slice(semi + 1);
      } else {
        out += '&';
        rest = rest.slice(1);
      }
    }
  }
  return (out + rest).trim();
}

/** A local date and time (this machine's offset then, as the shell's `local_offset`). */
function localAt(date: string, [h, m, s]: [number, number, number]): string {
  const [y, mo, d] = date.split('-').map(Number);
  return localRfc3339(new Date(y, mo - 1, d, h, m, s));
}

function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const fresh = (at: string) => ({ revision: 1, created: at, updated: at, at, trashed: null });

/** `daylio::records`. */
function daylio(text: string, moods: [string, number][]): Incoming[] {
  let rows: [number, string[]][];
  try {
    rows = csvRows(text);
  } catch (line) {
    throw invalid('file', `line ${String(line)}: a quote that is never closed`);
  }
  const [head, ...body] = rows;
  if (!head) throw invalid('file', 'the file is empty');
  const col = (name: string) => {
    const i = head[1].findIndex((h) => h.trim().toLowerCase() === name);
    return i < 0 ? null : i;
  };
  const need = (name: string) => {
    const i = col(name);
    if (i === null) throw invalid('file', `no ${name} column: is this a Daylio CSV export?`);
    return i;
  };
  const [cDate, cTime, cMood] = [need('full_date'), need('time'), need('mood')];
  const [cAct, cTitle, cNote] = [col('activities'), col('note_title'), col('note')];
  const out: Incoming[] = [];
  for (const [line, fields] of body) {
    const get = (c: number | null) => (c === null ? '' : (fields[c] ?? ''));
    const date = get(cDate).trim();
    if (!isDate(date)) throw rowError(line, 'full_date', 'a date is YYYY-MM-DD');
    const t = daylioTime(get(cTime));
    if (!t) throw rowError(line, 'time', 'a time is like 21:15 or 9:15 PM');
    const label = get(cMood).trim();
    const mood = moods.find(([l]) => l === label.toLowerCase())?.[1];
    if (mood === undefined) {
      throw rowError(line, 'mood', `\u201c${label}\u201d has no number: give it one with --mood-map "${label.toLowerCase()}=N"`);
    }
    const at = localAt(date, t);
    const activities = get(cAct)
      .split('|')
      .map((a) => a.trim())
      .filter(Boolean);
    const title = noteText(get(cTitle));
    const note = noteText(get(cNote));
    const key = [get(cDate), get(cTime), label, get(cAct), get(cTitle), get(cNote)].join('\u0000');
    const fault = (field: string, reason: string) => rowError(line, field, reason);
    out.push({ id: keyId('daylio', key, 'checkin'), ...fresh(at), body: { kind: 'checkin', mood } as BodyDto, fault });
    // A journal entry needs words: the note, else the title, else what was done.
    const [jTitle, words] = note ? [title, note] : title ? ['', title] : ['', activities.join(', ')];
    if (words) {
      out.push({
        id: keyId('daylio', key, 'journal'),
        ...fresh(at),
        body: { kind: 'journal', title: jTitle, text: words, tags: activities } as BodyDto,
        fault,
      });
    }
  }
  return out;
}

/** JSON.parse, a failure said as the engine says it: where, never what. */
function json(text: string, what: string): unknown {
  const t = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(t);
  } catch (e) {
    const pos = Number(/position (\d+)/.exec(String(e))?.[1] ?? t.length);
    const before = t.slice(0, pos).split('\n');
    throw invalid('file', `${what} (line ${before.length}, column ${before[before.length - 1].length + 1})`);
  }
}

const asObject = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The entries of a Day One or jrnl export. */
function entries(text: string, what: string): Record<string, unknown>[] {
  const doc = asObject(json(text, what));
  if (!Array.isArray(doc.entries)) throw invalid('file', `${what} (line 1, column 1)`);
  return doc.entries.map(asObject);
}

/** Tags trimmed (without jrnl's tag symbol), and `starred` for a starred entry. */
function tagsOf(e: Record<string, unknown>): string[] {
  const tags = strings(e.tags)
    .map((t) => t.trim().replace(/^[@#]+/, ''))
    .filter(Boolean);
  return e.starred === true ? [...tags, 'starred'] : tags;
}

/** `dayone::records`, minimally (see the top of this file). */
function dayone(text: string): { records: Incoming[]; media: number } {
  let media = 0;
  const records = entries(text, 'not a Day One JSON export').map((e, i): Incoming => {
    const when = Date.parse(str(e.creationDate).trim());
    if (!/^\d{4}-\d{2}-\d{2}T/.test(str(e.creationDate).trim()) || Number.isNaN(when)) {
      throw atEntry(i, 'creationDate', 'a time is like 2026-11-27T21:30:00Z');
    }
    for (const k of ['photos', 'audios', 'videos', 'pdfAttachments']) media += Array.isArray(e[k]) ? e[k].length : 0;
    const words = str(e.text)
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('![](dayone-moment:'))
      .join('\n')
      .trim();
    const key = str(e.uuid).trim() || `${str(e.creationDate)}\u0000${str(e.text)}`;
    return {
      id: keyId('dayone', key, 'journal'),
      ...fresh(localRfc3339(new Date(when))),
      body: { kind: 'journal', text: words, tags: tagsOf(e) } as BodyDto,
      fault: (field, reason) => atEntry(i, field, reason),
    };
  });
  return { records, media };
}

/** `jrnl::records`. */
function jrnl(text: string): Incoming[] {
  return entries(text, 'not a jrnl JSON export').map((e, i): Incoming => {
    const date = str(e.date).trim();
    if (!isDate(date)) throw atEntry(i, 'date', 'a date is YYYY-MM-DD');
    const time = str(e.time).trim();
    const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time);
    if (time && (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59)) throw atEntry(i, 'time', 'a time is HH:MM');
    const at = localAt(date, m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : [0, 0, 0]);
    const key = [str(e.date), str(e.time), str(e.title), str(e.body)].join('\u0000');
    // jrnl keeps an entry's first sentence as its title: with no more, the title is the text.
    const [title, words] = str(e.body).trim() ? [str(e.title).trim(), str(e.body).trim()] : ['', str(e.title).trim()];
    return {
      id: keyId('jrnl', key, 'journal'),
      ...fresh(at),
      body: { kind: 'journal', title, text: words, tags: tagsOf(e) } as BodyDto,
      fault: (field, reason) => atEntry(i, field, reason),
    };
  });
}

/** `import::keel_json`: every record as it is; the vault's checks are the caller's. */
function keel(text: string): { records: Incoming[]; newer: number } {
  const doc = asObject(json(text, 'not a Keel export'));
  if (doc.format !== 'keel-export') throw invalid('format', 'not a Keel export');
  if (doc.version !== 1) {
    throw invalid('version', `export format version ${String(doc.version)} is not one this Keel reads (it reads 1)`);
  }
  let newer = 0;
  const records: Incoming[] = [];
  (Array.isArray(doc.records) ? doc.records : []).forEach((raw, i) => {
    const r = asObject(raw);
    const body = asObject(r.body) as unknown as BodyDto;
    if (body.kind === 'unknown') {
      newer += 1;
      return;
    }
    const id = str(r.id).trim().toLowerCase();
    if (!/^[0-9a-f]{32}$/.test(id)) throw atEntry(i, 'id', 'an id is 32 hexadecimal digits');
    const revision = typeof r.revision === 'number' && Number.isInteger(r.revision) ? r.revision : 0;
    if (revision < 1) throw atEntry(i, 'revision', 'a revision starts at 1');
    records.push({
      id,
      revision,
      created: str(r.created),
      updated: str(r.updated),
      at: str(r.at),
      trashed: typeof r.trashed === 'string' ? r.trashed : null,
      body,
      fault: (field, reason) => atEntry(i, field, reason),
    });
  });
  return { records, newer };
}

/** `import::parse`: a file of `source` read whole; nothing is written. */
export function parseFile(source: ImportSource, text: string, moods: [string, number][]): ParsedFile {
  switch (source) {
    case 'keel':
      return { ...keel(text), media: 0 };
    case 'daylio':
      return { records: daylio(text, moods), newer: 0, media: 0 };
    case 'jrnl':
      return { records: jrnl(text), newer: 0, media: 0 };
    case 'dayone':
      return { ...dayone(text), newer: 0 };
  }
}

/** `fields::first_line`: the first line with words, trimmed, cut at `max` characters. */
function firstLine(s: string, max: number): string {
  const line = (s.split('\n').find((l) => l.trim()) ?? '').trim();
  const chars = [...line];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : line;
}

/** A record in words, as the engine's `Body::summary` for the kinds imports bring from other
 * apps (check-ins and journal entries); the UI's words for the rest. */
export function engineSummary(r: RecordDto): string {
  const b = r.body;
  if (b.kind === 'checkin') {
    const parts: string[] = [];
    if (b.stress !== null) parts.push(`stress ${b.stress}`);
    if (b.mood !== null) parts.push(`mood ${b.mood}`);
    if (b.craving !== null) parts.push(`craving ${b.craving}`);
    if (b.note) parts.push(firstLine(b.note, 50));
    return parts.join(' · ');
  }
  if (b.kind === 'journal') return b.title || firstLine(b.text, 60);
  return summary(r);
}

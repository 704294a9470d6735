// An in-memory Backend for unit tests and for previewing the UI in a browser
// (`npm run dev:fake`). It encrypts nothing and keeps nothing after the page closes, but it
// follows the engine's contract: `contract.test.ts` runs the same table of cases
// (tests/contract/cases.json) against it that the engine's tests run against the engine.
//
// Search text and tags come from the kinds themselves (`../kinds`), so the fake searches what
// the UI shows as a kind's words; validation mirrors the engine's kinds (src/kinds/*.rs).
import type {
  Answer,
  Backend,
  BackupStatusDto,
  ClockStatusDto,
  BodyDto,
  ChangePassphraseRequest,
  ConfirmKeyRequest,
  CreatedVaultDto,
  CrisisPlanDto,
  ErrorCode,
  ErrorDto,
  ExportFormat,
  ImportSource,
  ImportSummaryDto,
  ItemDto,
  ListPage,
  ListQuery,
  NewRecord,
  PassphraseRequest,
  ProgrammeDto,
  AssessmentTrendDto,
  DiaryWeekDto,
  InsightsDto,
  InsightsQuery,
  OnThisDayDto,
  ReportDto,
  ReportRequest,
  RecordDto,
  RecordKind,
  RecoverRequest,
  ReminderSettings,
  SearchQuery,
  Settings,
  SkillCategory,
  UpdateRecord,
  VaultHealthDto,
  VaultStatus,
  VerifyReportDto,
} from './index';
import { listQuery } from './index';
import {
  ALL_KINDS,
  ANSWER_LABEL,
  ATTENDANCE_LABEL,
  CONTEXT_LABEL,
  SESSION_TYPE_LABEL,
  SKILL_CATEGORY_LABEL,
  bodyTags,
  defaultDiarySetup,
  isEntry,
  keysOf,
  searchText,
  type Body,
} from '../kinds';
import { addDays, localDay, localRfc3339 } from '../time';
import { INSTRUMENTS, bandOf, instrument } from '../instruments';
import type { Instrument } from './generated/Instrument';
import { clockRuns, clockStatus, wallDate } from '../clocks';
import {
  BUCKETS,
  bucketStart,
  haltVsStress,
  highStressDays,
  series,
  shiftDay,
  skillEffects,
  sleepVsNextDayStress,
  spanStart,
  type Bucket,
  type DatedCheckin,
} from './fakeInsights';
import { programme, type MarkRecord, type SlotRecord } from '../programme';
import { REPORT_SECTIONS } from '../report';
import { buildReport, checkReport, noJournalEntry } from './fakeReport';
import { engineSummary, parseFile, parseMoodMap, parseSource, type FakeFile, type Incoming } from './fakeImport';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function fail(code: ErrorCode, message: string, extra: Partial<ErrorDto> = {}): ErrorDto {
  return { code, message, field: null, id: null, group: null, waitSeconds: null, ...extra };
}

/** The engine's `InvalidInput`: the boundary field's name, then the reason. */
function invalid(field: string, reason: string): ErrorDto {
  return fail('InvalidInput', `${field}: ${reason}`, { field });
}

const notFound = (id: string) => fail('NotFound', `no record with id ${id}`, { id });

const tampered = (id: string) =>
  fail('RecordTampered', `record ${id} could not be opened: it was changed outside Keel`, { id });

const wrongPassphrase = () => fail('WrongPassphrase', 'that passphrase does not open this vault');

const fromNewerVersion = (id: string) =>
  fail(
    'RecordFromNewerVersion',
    `record ${id} was written by a newer version of Keel; it is kept as it is (update Keel to change it)`,
    { id },
  );

/** Lower-cases A–Z only, as Rust's `to_ascii_lowercase`. */
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

// ---- Validation, as the engine's kinds do it (src/kinds/fields.rs and each kind) ------------

const MAX_TEXT_BYTES = 1024 * 1024;
const MAX_SHORT_BYTES = 200;
const MAX_LIST_ITEMS = 100;
const utf8 = new TextEncoder();
const byteLength = (s: string) => utf8.encode(s).length;

function score(field: string, v: number | null, optional = false): number | null {
  if (v === null && optional) return null;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 10) {
    throw invalid(field, 'a rating is a whole number from 0 to 10');
  }
  return v;
}

function text(field: string, s: string): string {
  if (byteLength(s) > MAX_TEXT_BYTES) throw invalid(field, 'text is at most 1 MiB');
  return s;
}

function short(field: string, s: string): string {
  if (byteLength(s) > MAX_SHORT_BYTES) throw invalid(field, `at most ${MAX_SHORT_BYTES} bytes`);
  return s;
}

function requiredShort(field: string, s: string): string {
  const t = s.trim();
  if (!t) throw invalid(field, 'required');
  return short(field, t);
}

/** Trims, drops empties, removes case-insensitive duplicates (the first spelling stays). */
function normalizeList(field: string, list: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of list) {
    const t = item.trim();
    if (!t) continue;
    short(field, t);
    const key = t.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(t);
    }
  }
  if (out.length > MAX_LIST_ITEMS) throw invalid(field, `at most ${MAX_LIST_ITEMS} items`);
  return out;
}

function normalizeItems(field: string, items: ItemDto[]): ItemDto[] {
  const out = items.map((i) => ({ text: i.text.trim(), done: !!i.done })).filter((i) => i.text);
  if (out.length > MAX_LIST_ITEMS) throw invalid(field, `at most ${MAX_LIST_ITEMS} items`);
  for (const i of out) text(field, i.text);
  return out;
}

/** A word from a closed set (any case, trimmed), as the engine parses it. */
function closed<T extends string>(labels: Record<T, string>, field: string, s: unknown): T {
  const word = typeof s === 'string' ? asciiLower(s.trim()) : '';
  if (!Object.hasOwn(labels, word)) throw invalid(field, `choose one of ${keysOf(labels).join(', ')}`);
  return word as T;
}

const ID = /^[0-9a-f]{32}$/;

// The engine's limits on the person's own trackers (src/kinds/tracker.rs, checkin.rs).
const MAX_TRACKER_NAME = 40;
const MAX_TRACKER_UNIT = 20;
const MAX_TRACKERS = 50;
const MAX_CLOCK_NAME = 60;

/** A label on a one-line row (a tracker's name or unit, a clock's name): trimmed, one line with
 * no control characters, at most `max` characters (the engine's `fields::label`). */
function label(field: string, s: string, max: number, required: boolean): string {
  const t = s.trim();
  if (!t && required) throw invalid(field, 'required');
  if (/\p{Cc}/u.test(t)) throw invalid(field, 'one line');
  if ([...t].length > max) throw invalid(field, `at most ${max} characters`);
  return t;
}

/** One answer of its type: yes/no is 0 or 1, a scale a whole number 0–10, a number finite. */
function checkAnswer(field: string, answer: Answer, v: number): void {
  const ok =
    answer === 'yes-no'
      ? v === 0 || v === 1
      : answer === 'scale'
        ? Number.isInteger(v) && v >= 0 && v <= 10
        : Number.isFinite(v) && Math.abs(v) <= 1e9;
  if (ok) return;
  throw invalid(
    field,
    answer === 'yes-no'
      ? 'a yes or no answer is 1 or 0'
      : answer === 'scale'
        ? 'a rating is a whole number from 0 to 10'
        : 'a number between -1,000,000,000 and 1,000,000,000',
  );
}

// The engine's limits on the recovery tools (src/kinds/*.rs).
const MAX_GOAL_TITLE = 120;
const MAX_PHASES = 20;
const MAX_PHASE_NAME = 80;
const MAX_CONTACTS = 30;
const MAX_SLOT_TITLE = 80;
const MAX_SLOT_MINUTES = 12 * 60;
const MAX_URGE_MARKS = 24 * 12;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A calendar date at the boundary, `2026-11-30` (the engine's `fields::date`, chrono's
 * `%Y-%m-%d`: up to four digits of year, one or two of month and day), written back padded. */
function calendarDate(field: string, s: string): string {
  const m = /^(\d{1,4})-(\d{1,2})-(\d{1,2})$/.exec(s.trim());
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) throw invalid(field, 'a date like 2026-11-30');
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
}

/** An optional date: absent or blank is none (the engine's `fields::opt_date`). */
function optDate(field: string, s: string | null | undefined): string | null {
  if (s === null || s === undefined || s.trim() === '') return null;
  return calendarDate(field, s);
}

/** A time of day on the wall clock, `18:30` (the engine's `fields::time_of_day`). */
function timeOfDay(field: string, s: string): string {
  const m = /^(\d{1,2}):(\d{1,2})$/.exec(s.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw invalid(field, 'a time like 18:30 (24-hour)');
  return `${pad(Number(m[1]))}:${pad(Number(m[2]))}`;
}

/** A record id at the boundary (any case, trimmed), written back in lower case. */
function recordId(field: string, s: string): string {
  const t = asciiLower(s.trim());
  if (!ID.test(t)) throw invalid(field, 'not a record id');
  return t;
}

/** The people or lines of a crisis plan: an empty row dropped, each field trimmed and short,
 * each one named (the engine's `crisis_plan::contacts`). */
function contacts(field: string, list: { name: string; phone: string; note: string }[]) {
  const kept = list.filter((c) => !((c.name ?? '').trim() === '' && (c.phone ?? '').trim() === ''));
  if (kept.length > MAX_CONTACTS) throw invalid(field, `at most ${MAX_CONTACTS} people or lines`);
  return kept.map((c) => {
    const [name, phone, note] = [c.name ?? '', c.phone ?? '', c.note ?? ''].map((x) => short(field, x.trim()));
    if (!name) throw invalid(field, 'each person or line needs a name');
    return { name, phone, note };
  });
}

// The clinical tools' limits (src/kinds/diary_card.rs, thought_record.rs).
const MAX_DIARY_COLUMNS = 12;
const MAX_ROW_NAME = 60;

/** A full set of answers to a questionnaire, or the error naming what is wrong
 * (`Instrument::check`). */
function checkAnswers(form: Instrument, answers: number[]): ErrorDto | null {
  if (answers.length !== form.items.length) {
    return invalid('answers', `${form.name} has ${form.items.length} questions; ${answers.length} answers were given`);
  }
  const max = Math.max(...form.answers.map((a) => a.score));
  const i = answers.findIndex((a) => !form.answers.some((c) => c.score === a));
  return i < 0 ? null : invalid('answers', `question ${i + 1} was answered ${answers[i]}; answers go from 0 to ${max}`);
}

/** Rows named by their first field: each name a one-line label, unnamed rows dropped, the
 * first row of a name kept (any case), as `diary_card::named_rows`. */
function namedRows<T extends { name: string }>(field: string, rows: T[]): T[] {
  let error: ErrorDto | null = null;
  const seen = new Set<string>();
  const out: T[] = [];
  for (const r of rows) {
    let name = r.name;
    try {
      name = label(field, r.name, MAX_ROW_NAME, false);
    } catch (e) {
      error ??= e as ErrorDto;
      name = r.name.trim();
    }
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      out.push({ ...r, name });
    }
  }
  if (error) throw error;
  if (out.length > MAX_LIST_ITEMS) throw invalid(field, `at most ${MAX_LIST_ITEMS} items`);
  return out;
}

function diaryLevel(field: string, v: number): number {
  if (!Number.isInteger(v) || v < 0 || v > 5) throw invalid(field, 'a level is a whole number from 0 to 5');
  return v;
}

function percent(field: string, v: number): number {
  if (!Number.isInteger(v) || v < 0 || v > 100) throw invalid(field, 'a rating from 0 to 100');
  return v;
}

/** Each kind's body as the engine takes it in: its closed sets parsed, then validated and
 * normalized, in the engine's order, so the first bad field is the one the engine names. */
const NORMALIZE: { [K in RecordKind]: (b: Body<K>) => Body<K> } = {
  checkin: (b) => {
    // A field left out is its empty value, as serde's `default` makes it in the engine.
    const opt = <T,>(v: T | null | undefined) => (v === undefined ? null : v);
    const context = opt(b.context) === null ? null : closed(CONTEXT_LABEL, 'context', b.context);
    // Each answer's id and type are parsed with the body; their values are checked below.
    const answers = (b.trackers ?? []).map((t) => {
      let tracker: string | null = null;
      if (t.tracker !== null && t.tracker !== undefined) {
        tracker = asciiLower(t.tracker.trim());
        if (!ID.test(tracker)) throw invalid('trackers', 'not a tracker id');
      }
      const answer = asciiLower(String(t.answer).trim());
      if (!Object.hasOwn(ANSWER_LABEL, answer)) throw invalid('trackers', 'an answer is yes-no, scale or number');
      return { tracker, name: t.name, answer: answer as Answer, unit: t.unit ?? '', value: t.value };
    });
    // A scale never chosen stays absent; at least one is there.
    if (opt(b.stress) === null && opt(b.mood) === null && opt(b.craving) === null) {
      throw invalid('stress', 'choose at least one of stress, mood or craving');
    }
    const stress = score('stress', opt(b.stress), true);
    const mood = score('mood', opt(b.mood), true);
    const craving = score('craving', opt(b.craving), true);
    const sleepHours = opt(b.sleepHours);
    if (sleepHours !== null && !(Number.isFinite(sleepHours) && sleepHours >= 0 && sleepHours <= 24)) {
      throw invalid('sleepHours', 'sleep is between 0 and 24 hours');
    }
    const f = b.factors ?? {};
    const factors = {
      exercise: typeof f.exercise === 'boolean' ? f.exercise : null,
      meals: f.meals ?? null,
      caffeine: f.caffeine ?? null,
      medication: typeof f.medication === 'boolean' ? f.medication : null,
      outdoors: typeof f.outdoors === 'boolean' ? f.outdoors : null,
    };
    if (factors.meals !== null && !(Number.isInteger(factors.meals) && factors.meals >= 0 && factors.meals <= 10)) {
      throw invalid('meals', 'meals are a whole number from 0 to 10');
    }
    if (factors.caffeine !== null && !(Number.isInteger(factors.caffeine) && factors.caffeine >= 0 && factors.caffeine <= 30)) {
      throw invalid('caffeine', 'drinks are a whole number from 0 to 30');
    }
    const emotions = normalizeList('emotions', b.emotions ?? []);
    const triggers = normalizeList('triggers', b.triggers ?? []);
    if (answers.length > MAX_TRACKERS) throw invalid('trackers', `at most ${MAX_TRACKERS} trackers`);
    const seen = new Set<string>();
    const trackers = answers.map((t) => {
      const name = label('trackers', t.name, MAX_TRACKER_NAME, true);
      const unit = label('trackers', t.unit, MAX_TRACKER_UNIT, false);
      checkAnswer('trackers', t.answer, t.value);
      if (t.tracker !== null) {
        if (seen.has(t.tracker)) throw invalid('trackers', 'a tracker is answered once in a check-in');
        seen.add(t.tracker);
      }
      return { ...t, name, unit };
    });
    const note = text('note', b.note ?? '');
    const h = b.halt ?? {};
    const halt = { hungry: !!h.hungry, angry: !!h.angry, lonely: !!h.lonely, tired: !!h.tired };
    return { kind: 'checkin', stress, mood, craving, sleepHours, halt, emotions, triggers, context, note, factors, trackers, bring: !!b.bring };
  },
  'skill-use': (b) => {
    // A field left out is its empty value, as serde's `default` makes it in the engine.
    let skillId: string | null = null;
    if (b.skillId !== null && b.skillId !== undefined) {
      skillId = asciiLower(b.skillId.trim());
      if (!ID.test(skillId)) throw invalid('skillId', 'not a skill id');
    }
    const skillName = requiredShort('skillName', b.skillName ?? '');
    const distressBefore = score('distressBefore', b.distressBefore ?? null, true);
    const distressAfter = score('distressAfter', b.distressAfter ?? null, true);
    const urgeBefore = score('urgeBefore', b.urgeBefore ?? null, true);
    const urgeAfter = score('urgeAfter', b.urgeAfter ?? null, true);
    const minutes = b.minutes ?? null;
    if (minutes !== null && (!Number.isInteger(minutes) || minutes < 0 || minutes > 24 * 60)) {
      throw invalid('minutes', 'minutes are at most 1440 (a day)');
    }
    const urgeAlong = (b.urgeAlong ?? []).map((m) => ({ minute: m.minute ?? 0, urge: m.urge ?? 0 }));
    if (urgeAlong.length > MAX_URGE_MARKS) throw invalid('urgeAlong', `at most ${MAX_URGE_MARKS} ratings`);
    for (const m of urgeAlong) score('urgeAlong', m.urge);
    if (urgeAlong.some((m, i) => i > 0 && m.minute < urgeAlong[i - 1].minute)) {
      throw invalid('urgeAlong', 'ratings go in time order');
    }
    const situation = text('situation', b.situation ?? '');
    const note = text('note', b.note ?? '');
    return {
      kind: 'skill-use',
      skillId,
      skillName,
      situation,
      distressBefore,
      distressAfter,
      urgeBefore,
      urgeAfter,
      minutes,
      note,
      urgeAlong,
    };
  },
  session: (b) => {
    const sessionType = closed(SESSION_TYPE_LABEL, 'sessionType', b.sessionType);
    const title = requiredShort('title', b.title);
    const facilitator = short('facilitator', b.facilitator);
    const notes = text('notes', b.notes);
    const takeaways = text('takeaways', b.takeaways);
    const homework = normalizeItems('homework', b.homework);
    const bring = normalizeItems('bring', b.bring);
    const attended = !!b.attended;
    return { kind: 'session', sessionType, title, facilitator, notes, takeaways, homework, bring, attended };
  },
  journal: (b) => {
    const title = short('title', b.title);
    const prompt = text('prompt', b.prompt);
    const body = text('text', b.text);
    if (!body.trim()) throw invalid('text', 'a journal entry needs some text');
    const tags = normalizeList('tags', b.tags);
    return { kind: 'journal', title, prompt, text: body, tags, bring: !!b.bring };
  },
  skill: (b) => {
    const category = closed(SKILL_CATEGORY_LABEL, 'category', b.category);
    const name = requiredShort('name', b.name);
    const howTo = text('howTo', b.howTo);
    return { kind: 'skill', name, category, howTo, builtin: b.builtin, favourite: !!b.favourite, hidden: !!b.hidden };
  },
  clock: (b) => {
    let since: string;
    try {
      since = parseTime('since', typeof b.since === 'string' ? b.since : '').at;
    } catch {
      throw invalid('since', 'a date and time like 2026-11-28T09:00:00-05:00');
    }
    const name = label('name', b.name, MAX_CLOCK_NAME, true);
    return { kind: 'clock', name, since, archived: !!b.archived };
  },
  lapse: (b) => {
    let clock: string | null = null;
    if (b.clock !== null && b.clock !== undefined) {
      clock = asciiLower(b.clock.trim());
      if (!ID.test(clock)) throw invalid('clock', 'not a clock id');
    }
    const clockName = requiredShort('clockName', b.clockName ?? '');
    const whatHappened = text('whatHappened', b.whatHappened ?? '');
    const triggers = normalizeList('triggers', b.triggers ?? []);
    const place = short('place', b.place ?? '');
    const people = normalizeList('people', b.people ?? []);
    const helped = text('helped', b.helped ?? '');
    const nextTime = text('nextTime', b.nextTime ?? '');
    const h = b.halt ?? {};
    const halt = { hungry: !!h.hungry, angry: !!h.angry, lonely: !!h.lonely, tired: !!h.tired };
    return { kind: 'lapse', clock, clockName, restart: !!b.restart, whatHappened, triggers, halt, place, people, helped, nextTime };
  },
  tracker: (b) => {
    const answer = closed(ANSWER_LABEL, 'answer', b.answer);
    const name = label('name', b.name, MAX_TRACKER_NAME, true);
    const unit = label('unit', b.unit ?? '', MAX_TRACKER_UNIT, false);
    if (answer !== 'number' && unit) throw invalid('unit', 'only a number has a unit');
    return { kind: 'tracker', name, answer, unit, archived: !!b.archived };
  },
  'crisis-plan': (b) => {
    const warningSigns = normalizeList('warningSigns', b.warningSigns ?? []);
    const onMyOwn = normalizeList('onMyOwn', b.onMyOwn ?? []);
    const takeMyMindOff = normalizeList('takeMyMindOff', b.takeMyMindOff ?? []);
    const people = contacts('people', b.people ?? []);
    const professionals = contacts('professionals', b.professionals ?? []);
    const saferSurroundings = normalizeList('saferSurroundings', b.saferSurroundings ?? []);
    const reasons = normalizeList('reasons', b.reasons ?? []);
    return { kind: 'crisis-plan', warningSigns, onMyOwn, takeMyMindOff, people, professionals, saferSurroundings, reasons };
  },
  morning: (b) => {
    const intention = (b.intention ?? '').trim();
    if (!intention) throw invalid('intention', 'required');
    text('intention', intention);
    const oneStep = text('oneStep', b.oneStep ?? '');
    return { kind: 'morning', intention, oneStep };
  },
  evening: (b) => {
    const wentWell = text('wentWell', (b.wentWell ?? '').trim());
    const wasHard = text('wasHard', (b.wasHard ?? '').trim());
    const grateful = text('grateful', (b.grateful ?? '').trim());
    const peakStress = score('peakStress', b.peakStress ?? null, true);
    if (!wentWell && !wasHard && !grateful && peakStress === null) {
      throw invalid('wentWell', 'answer at least one question, even in a word');
    }
    return { kind: 'evening', wentWell, wasHard, peakStress, grateful };
  },
  schedule: (b) => {
    // Parsed at the boundary first, then checked, as the engine's `from_dto` and `validate`.
    const sessionType = closed(SESSION_TYPE_LABEL, 'sessionType', b.sessionType);
    const first = calendarDate('first', b.first ?? '');
    const start = timeOfDay('start', b.start ?? '');
    let until = optDate('until', b.until);
    const title = label('title', b.title ?? '', MAX_SLOT_TITLE, true);
    const place = label('place', b.place ?? '', MAX_SLOT_TITLE, false);
    const minutes = b.minutes;
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_SLOT_MINUTES) {
      throw invalid('minutes', `a length from 1 to ${MAX_SLOT_MINUTES} minutes`);
    }
    const days = b.weekdays ?? [];
    if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) throw invalid('weekdays', 'days are 1 (Monday) to 7 (Sunday)');
    const weekdays = [...new Set(days)].sort((x, y) => x - y);
    if (until !== null) {
      if (until < first) throw invalid('until', 'ends on or after its first day');
      if (weekdays.length === 0) until = null;
    }
    return { kind: 'schedule', title, sessionType, first, start, minutes, weekdays, until, place, online: !!b.online, archived: !!b.archived };
  },
  occurrence: (b) => {
    const slot = recordId('slot', b.slot ?? '');
    const date = calendarDate('date', b.date ?? '');
    let movedTo: string | null = null;
    const moved = (b.movedTo ?? '').trim();
    if (moved) {
      const m = /^(\d{1,4}-\d{1,2}-\d{1,2})T(\d{1,2}:\d{1,2})$/.exec(moved);
      try {
        if (!m) throw new Error();
        movedTo = `${calendarDate('movedTo', m[1])}T${timeOfDay('movedTo', m[2])}`;
      } catch {
        throw invalid('movedTo', 'a day and time like 2026-12-01T19:00');
      }
    }
    const attendance = (b.attendance ?? '').trim() ? closed(ATTENDANCE_LABEL, 'attendance', b.attendance) : null;
    const sessionNote = (b.sessionNote ?? '').trim() ? recordId('sessionNote', b.sessionNote ?? '') : null;
    const slotTitle = label('slotTitle', b.slotTitle ?? '', MAX_SLOT_TITLE, false);
    if (b.cancelled && attendance === 'attended') throw invalid('attendance', 'a cancelled session cannot be attended');
    const note = text('note', b.note ?? '');
    return { kind: 'occurrence', slot, slotTitle, date, cancelled: !!b.cancelled, movedTo, attendance, note, sessionNote };
  },
  goal: (b) => {
    const target = optDate('target', b.target);
    const title = label('title', b.title ?? '', MAX_GOAL_TITLE, true);
    const why = text('why', b.why ?? '');
    const steps = normalizeItems('steps', b.steps ?? []);
    return { kind: 'goal', title, why, steps, target, reached: !!b.reached, archived: !!b.archived };
  },
  'step-down': (b) => {
    const parsed = (b.phases ?? []).map((p) => ({
      name: p.name ?? '',
      from: optDate('phases', p.from),
      to: optDate('phases', p.to),
      supports: p.supports ?? [],
      appointments: p.appointments ?? [],
      note: p.note ?? '',
    }));
    // A phase with nothing in it is dropped (a list holding only blanks is not nothing).
    const kept = parsed.filter((p) => !(!p.name.trim() && !p.supports.length && !p.appointments.length && !p.note.trim()));
    if (kept.length > MAX_PHASES) throw invalid('phases', `at most ${MAX_PHASES} phases`);
    const phases = kept.map((p) => {
      const name = label('phases', p.name, MAX_PHASE_NAME, true);
      if (p.from !== null && p.to !== null && p.to < p.from) throw invalid('phases', 'a phase ends on or after it starts');
      const supports = normalizeList('phases', p.supports);
      const appointments = normalizeList('phases', p.appointments);
      const note = text('phases', p.note);
      return { name, from: p.from, to: p.to, supports, appointments, note };
    });
    return { kind: 'step-down', phases };
  },
  assessment: (b) => {
    // As `Assessment::from_dto`, then `validate` (src/kinds/assessment.rs).
    const answers = [...(b.answers ?? [])];
    const form = instrument((b.instrument ?? '').trim());
    if (form && checkAnswers(form, answers) === null) {
      const total = answers.reduce((t, a) => t + a, 0);
      const band = bandOf(form, total);
      if (b.total !== null && b.total !== undefined && b.total !== total) {
        throw invalid('total', `the answers add up to ${total}; leave the total out`);
      }
      if (b.band && b.band !== band) throw invalid('band', `a total of ${total} is ${band}; leave the band out`);
    }
    if (!form) throw invalid('instrument', `choose one of ${INSTRUMENTS.map((i) => i.id).join(', ')}`);
    const bad = checkAnswers(form, answers);
    if (bad) throw bad;
    const difficulty = b.difficulty ?? null;
    if (difficulty !== null && (!Number.isInteger(difficulty) || difficulty < 0 || difficulty >= form.difficulty.answers.length)) {
      throw invalid('difficulty', `an answer from 0 to ${form.difficulty.answers.length - 1}`);
    }
    const note = text('note', b.note ?? '');
    const total = answers.reduce((t, a) => t + a, 0);
    return { kind: 'assessment', instrument: form.id, answers, difficulty, note, total, band: bandOf(form, total) };
  },
  'diary-card': (b) => {
    // As `DiaryCard::from_dto`, then `validate` (src/kinds/diary_card.rs).
    const date = calendarDate('date', b.date ?? '');
    const urges = namedRows('urges', (b.urges ?? []).map((u) => ({ name: u.target ?? '', level: u.level, acted: u.acted ?? null }))).map(
      (u) => ({ target: u.name, level: diaryLevel('urges', u.level), acted: u.acted }),
    );
    const emotions = namedRows('emotions', (b.emotions ?? []).map((e) => ({ name: e.name ?? '', level: e.level }))).map((e) => ({
      name: e.name,
      level: diaryLevel('emotions', e.level),
    }));
    const skills = normalizeList('skills', b.skills ?? []);
    const skillsRating = b.skillsRating ?? null;
    if (skillsRating !== null && (!Number.isInteger(skillsRating) || skillsRating < 0 || skillsRating > 7)) {
      throw invalid('skillsRating', 'a rating from 0 to 7');
    }
    const note = text('note', b.note ?? '');
    return { kind: 'diary-card', date, urges, emotions, skills, skillsRating, medication: b.medication ?? null, note };
  },
  'diary-setup': (b) => {
    const lists = (['targets', 'emotions'] as const).map((field) => {
      const labelled = (b[field] ?? []).map((t) => label(field, t, 60, false));
      const list = normalizeList(field, labelled);
      if (list.length > MAX_DIARY_COLUMNS) throw invalid(field, `at most ${MAX_DIARY_COLUMNS} on one card`);
      return list;
    });
    return { kind: 'diary-setup', targets: lists[0], emotions: lists[1], medication: !!b.medication };
  },
  'report-setup': (b) => {
    // As `ReportSetup::validate` (src/kinds/report_setup.rs).
    const order = REPORT_SECTIONS as readonly string[];
    const sections: string[] = [];
    for (const raw of b.sections ?? []) {
      const word = raw.trim().toLowerCase();
      if (!order.includes(word)) throw invalid('sections', `choose from ${order.join(', ')}`);
      if (!sections.includes(word)) sections.push(word);
    }
    sections.sort((a, c) => order.indexOf(a) - order.indexOf(c));
    const sessionNotes = (b.sessionNotes ?? 'titles').trim();
    if (sessionNotes !== 'titles' && sessionNotes !== 'full') throw invalid('sessionNotes', 'choose titles or full');
    const paper = (b.paper ?? 'a4').trim().toLowerCase();
    if (paper !== 'a4' && paper !== 'letter') throw invalid('paper', 'choose a4 or letter');
    const name = (b.name ?? '').trim();
    if (/[\n\r]/.test(name)) throw invalid('name', 'a name is one line');
    if ([...name].length > 80) throw invalid('name', 'at most 80 characters');
    const entries: string[] = [];
    for (const e of b.entries ?? []) {
      if (!/^[0-9a-fA-F]{32}$/.test(e.trim())) throw invalid('entries', "an entry's id is 32 hexadecimal digits");
      const id = e.trim().toLowerCase();
      if (!entries.includes(id)) entries.push(id);
    }
    if (entries.length > 200) throw invalid('entries', 'at most 200 entries in one report');
    return { kind: 'report-setup', sections, sessionNotes, paper, name, entries };
  },
  'thought-record': (b) => {
    // As `ThoughtRecord::validate` (src/kinds/thought_record.rs).
    const situation = b.situation ?? '';
    if (!situation.trim()) throw invalid('situation', 'say what happened, in a few words');
    text('situation', situation);
    const moods = namedRows('moods', (b.moods ?? []).map((m) => ({ name: m.name ?? '', before: m.before, after: m.after ?? null }))).map(
      (m) => ({ name: m.name, before: percent('moods', m.before), after: m.after === null ? null : percent('moods', m.after) }),
    );
    const thoughts = (b.thoughts ?? []).map((t) => ({ text: (t.text ?? '').trim(), hot: !!t.hot })).filter((t) => t.text);
    for (const t of thoughts) text('thoughts', t.text);
    if (thoughts.filter((t) => t.hot).length > 1) throw invalid('thoughts', 'mark one thought as the hot one');
    if (moods.length > MAX_LIST_ITEMS) throw invalid('moods', `at most ${MAX_LIST_ITEMS} items`);
    if (thoughts.length > MAX_LIST_ITEMS) throw invalid('thoughts', `at most ${MAX_LIST_ITEMS} items`);
    const evidenceFor = text('evidenceFor', b.evidenceFor ?? '');
    const evidenceAgainst = text('evidenceAgainst', b.evidenceAgainst ?? '');
    const balanced = text('balanced', b.balanced ?? '');
    const belief = b.belief ?? null;
    return { kind: 'thought-record', situation, moods, thoughts, evidenceFor, evidenceAgainst, balanced, belief: belief === null ? null : percent('belief', belief) };
  },
  unknown: () => {
    throw invalid('kind', 'a record written by a newer version of Keel cannot be written here');
  },
};

function normalize(b: BodyDto): BodyDto {
  if (!(ALL_KINDS as string[]).includes(b.kind)) throw invalid('kind', 'not a kind this version of Keel knows');
  // NORMALIZE[b.kind] takes exactly this body's kind; TypeScript cannot correlate the two.
  // Each builds a new body, so nothing of the caller's object is kept.
  return (NORMALIZE[b.kind] as (b: BodyDto) => BodyDto)(b);
}

// ---- Times and dates, as the engine parses them ----------------------------------------------

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** RFC 3339 with an offset: the time as the engine writes it back (whole seconds, its own
 * offset, `Z` as `+00:00`) and the instant it names, for ordering. */
function parseTime(field: string, s: string): { at: string; instant: number } {
  const m = RFC3339.exec(s.trim());
  const bad = () => invalid(field, 'a time is RFC 3339 with an offset, e.g. 2026-11-27T21:30:00-05:00');
  if (!m) throw bad();
  const [, ys, mos, ds, hs, mis, ss, frac, off] = m;
  const [y, mo, d, h, mi, sec] = [ys, mos, ds, hs, mis, ss].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || sec > 59) throw bad();
  let offset = off.toUpperCase() === 'Z' ? '+00:00' : off;
  const offMinutes = (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  if (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4, 6)) > 59) throw bad();
  if (offMinutes === 0) offset = '+00:00';
  const instant = Date.UTC(y, mo - 1, d, h, mi, sec) - offMinutes * 60_000 + (frac ? Number(`0${frac}`) * 1000 : 0);
  return { at: `${ys}-${mos}-${ds}T${hs}:${mis}:${ss}${offset}`, instant };
}

/** `YYYY-MM-DD`, a real date. */
function parseDate(field: string, s: string): string {
  const t = s.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > daysIn(Number(m[1]), Number(m[2]))) {
    throw invalid(field, 'a date is YYYY-MM-DD');
  }
  return t;
}

function randomId(): string {
  const bytes = new Uint8Array(16);
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A few of the engine's built-in skills (src/skills.rs), in its words; none is a favourite. */
const BUILTIN_SKILLS: [string, string, SkillCategory, string][] = [
  ['paced-breathing', 'Paced breathing', 'body', 'Breathe in through your nose for a count of four and out for a count of six to eight. A longer out-breath slows the heart. Keep going for two or three minutes.'],
  ['box-breathing', 'Box breathing', 'body', 'Breathe in for four, hold for four, out for four, hold for four. Trace a square with your eyes or a finger as you go. Repeat four rounds.'],
  ['five-senses', '5-4-3-2-1 senses', 'grounding', 'Name five things you can see, four you can hear, three you can touch, two you can smell and one you can taste. It pulls attention back to the room you are in.'],
  ['feet-on-floor', 'Feet on the floor', 'grounding', 'Press both feet into the floor and notice the pressure, the temperature, the texture of your shoes. Say to yourself where you are and what day it is.'],
  ['urge-surfing', 'Urge surfing', 'distress-tolerance', 'Notice the craving as a wave: it rises, peaks and falls, usually within twenty to thirty minutes. Watch where you feel it in your body without acting on it, and ride it out.'],
  ['delay-ten', 'Delay ten minutes', 'distress-tolerance', 'Tell yourself you can decide in ten minutes, set a timer and do something else meanwhile. When it rings, delay again if you can.'],
  ['opposite-action', 'Opposite action', 'emotion-regulation', 'Notice what the emotion urges you to do and, when that would not help, do the opposite: approach instead of avoiding, speak gently instead of attacking. Do it fully, with your posture and voice too.'],
  ['halt-check', 'HALT check', 'emotion-regulation', 'Ask yourself whether you are hungry, angry, lonely or tired. Meet the need you find first: eat, move, call someone or rest.'],
  ['observe-breath', 'Observe the breath', 'mindfulness', 'For two minutes, simply notice the breath coming in and going out. When your mind wanders, note where it went and return without judging.'],
  ['body-scan', 'Body scan', 'mindfulness', 'Move your attention slowly from the top of your head down to your toes, noticing sensations without trying to change them. It takes five to ten minutes.'],
  ['ask-clearly', 'Ask clearly', 'interpersonal', 'Describe the situation in facts, say how you feel, ask for one specific thing, and say why it would help. Stay calm and be willing to negotiate.'],
  ['call-someone', 'Call someone safe', 'connection', 'Call or text a sponsor, a friend from group or someone who knows your story. You do not need to explain everything; saying you are struggling is enough.'],
];

/** What a test can make the fake find, as the engine would after the file was changed outside
 * Keel (see `FakeBackend.tamper`). */
export interface Tampering {
  /** Records that no longer open (ids of records in the fake are taken out of the lists). */
  damaged?: string[];
  /** Rows too malformed to name, by their slot. */
  malformedRows?: number[];
  /** False: the set of entries is not the one Keel saved. */
  manifestOk?: boolean;
  /** False: SQLite's own check of the file failed. */
  databaseOk?: boolean;
  /** False: the header's recovery wrap was changed, so the recovery key may not open it. */
  recoveryKeyOk?: boolean;
}

/** One backup in the (fake) folder: its file as the shell lists it, and the journal as it was
 * when it was taken (what opens it and what it holds), as a real backup is a vault file. */
export interface FakeBackup {
  path: string;
  /** `YYYY-MM-DDTHH:MM:SS`, on this machine's clock then. */
  taken: string;
  bytes: number;
  passphrase: string;
  recoveryGroups: string[];
  records: Map<string, RecordDto>;
  instants: Map<string, number>;
  /** Records in it that do not open (a test may add some). */
  damaged: Set<string>;
}

/** No verified backup for this many days is worth a word in Settings (`backup::DUE_AFTER_DAYS`). */
const BACKUP_DUE_DAYS = 7;

/** `backup::to_prune`: the backups to let go so that the newest of each of the latest 7 days,
 * 4 weeks (Monday to Sunday) and 12 months that have one remain, and the newest of all. */
function backupsToPrune(taken: string[]): Set<string> {
  const newestFirst = [...new Set(taken)].sort().reverse();
  const keep = new Set<string>(newestFirst.slice(0, 1));
  const monday = (day: string) => {
    const [y, m, d] = day.split('-').map(Number);
    return addDays(day, -((new Date(y, m - 1, d).getDay() + 6) % 7));
  };
  const periods: [(t: string) => string, number][] = [
    [(t) => t.slice(0, 10), 7],
    [(t) => monday(t.slice(0, 10)), 4],
    [(t) => t.slice(0, 7), 12],
  ];
  for (const [period, n] of periods) {
    const seen = new Set<string>();
    for (const t of newestFirst) {
      const p = period(t);
      if (seen.has(p)) continue;
      if (seen.size === n) break;
      seen.add(p);
      keep.add(t);
    }
  }
  return new Set(newestFirst.filter((t) => !keep.has(t)));
}

export class FakeBackend implements Backend {
  exists = false;
  unlocked = false;
  passphrase = '';
  recoveryGroups: string[] = [];
  /** Recovery keys that opened this vault before a new one was made (they open nothing now). */
  retiredRecoveryKeys: string[][] = [];
  records = new Map<string, RecordDto>();
  settings: Settings = { autoLockMinutes: 5, theme: 'system', hideWhenUnfocused: true, cravingLabel: '', showHalt: true, sessionLabel: '' };
  /** Records that could not be opened, by id (kept only to be purged, as the engine does). */
  damaged = new Set<string>();
  malformedRows: number[] = [];
  manifestOk = true;
  databaseOk = true;
  recoveryKeyOk = true;
  /** How many times the window reported activity. */
  activityReports = 0;
  /** How many times the data key was replaced. */
  rekeys = 0;
  private stateHandlers = new Set<(s: VaultStatus) => void>();
  private quickCheckinHandlers = new Set<() => void>();
  /** Reminders, kept outside the (fake) journal as the shell keeps them beside the vault. */
  reminders: ReminderSettings = defaultReminders();
  /** Bumped by every open and lock, as the shell does. */
  epoch = 0;
  /** A recovery key on screen and not yet in effect, as the shell holds it. */
  pending: { purpose: 'create' | 'replace' | 'rekey'; groups: string[]; passphrase: string } | null = null;
  /** What "Copy" put on the (fake) clipboard. */
  clipboard = '';
  /** The lock screen's copy of the crisis plan, kept outside the (fake) journal: it survives a
   * lock, as the shell's file beside the vault does. */
  lockScreenCopy: CrisisPlanDto | null = null;
  /** Backups, kept beside the (fake) journal as the shell keeps `backups.json` and the folder:
   * readable while locked. The folder chosen ('' for none), the latest backup that verified
   * (RFC 3339), why the last automatic one failed. */
  backupFolder = '';
  backupLastVerified: string | null = null;
  backupLastError: string | null = null;
  /** The backups in the folder (listed newest first). */
  backups: FakeBackup[] = [];
  /** What the system's folder dialog answers: a folder, or null for Cancel. */
  folderDialog: string | null = '/media/backup-drive/Keel';
  private backupHandlers = new Set<(s: BackupStatusDto) => void>();
  /** What the system's open dialog answers for an import: a file, or null for Cancel. */
  openDialog: FakeFile | null = null;
  /** What the export's save or folder dialog answers, or null for Cancel. For a save (JSON, or
   * Markdown in one file): the file chosen, '' keeping the name the dialog suggests ("Keel
   * export DATE.json"); for a folder (CSV, Markdown files): the folder chosen, '' for
   * ~/Documents. */
  exportDialog: string | null = '';
  /** What the last export wrote, for tests: the name, and for JSON the document's text (the
   * fake writes no CSV or Markdown). */
  lastExport: { format: ExportFormat; oneFile: boolean; name: string; text: string | null } | null = null;
  /** Folders exports were made in, so a second one the same day gets a "(2)", as the shell's. */
  private exportFolders = new Set<string>();
  /** The file an import preview read, waiting to be confirmed (as the shell's `Pending`). */
  private pendingImport: { file: FakeFile; source: ImportSource; moods: [string, number][] } | null = null;
  /** When each record happened, as an instant (the engine orders by it, not by the text). */
  private instants = new Map<string, number>();
  private lastNow = 0;

  constructor(opts: { passphrase?: string; recoveryGroups?: string[] } = {}) {
    if (opts.passphrase !== undefined) {
      this.exists = true;
      this.passphrase = opts.passphrase;
      this.recoveryGroups = opts.recoveryGroups ?? this.makeGroups();
      this.seedSkills();
    }
  }

  private makeGroups(): string[] {
    return Array.from({ length: 13 }, () =>
      Array.from({ length: 5 }, () => ALPHABET[Math.floor(Math.random() * 32)]).join(''),
    );
  }

  /** Now, strictly after the last "now", so records added in one millisecond keep their order. */
  private now(): { at: string; instant: number } {
    this.lastNow = Math.max(Date.now(), this.lastNow + 0.001);
    return { at: localRfc3339(new Date(this.lastNow)), instant: this.lastNow };
  }

  seedSkills() {
    const when = new Date(2026, 0, 1);
    for (const [key, name, category, howTo] of BUILTIN_SKILLS) {
      this.insert({ kind: 'skill', name, category, howTo, builtin: key, favourite: false, hidden: false }, when);
    }
  }

  /** Stores a body as given, unchecked (for seeding and tests, e.g. a record from a newer Keel;
   * tests may also choose its id). */
  insert(body: BodyDto, when: Date = new Date(), id?: string): RecordDto {
    return this.put(body, { at: localRfc3339(when), instant: when.getTime() }, id);
  }

  private put(body: BodyDto, when: { at: string; instant: number }, chosenId?: string): RecordDto {
    let id = chosenId ?? randomId();
    while (chosenId === undefined && this.records.has(id)) id = randomId();
    const created = this.now().at;
    const r: RecordDto = {
      id,
      revision: 1,
      created,
      updated: created,
      at: when.at,
      localDate: when.at.slice(0, 10),
      trashed: null,
      body,
    };
    this.records.set(id, r);
    this.instants.set(id, when.instant);
    return r;
  }

  private guard() {
    if (!this.exists) throw fail('VaultMissing', 'no vault here yet');
    if (!this.unlocked) throw fail('VaultLocked', 'the vault is locked');
  }

  private out<T>(v: T): T {
    return structuredClone(v);
  }

  /** A full id or a unique prefix of at least four hex digits, as the engine resolves it. */
  private resolve(prefix: string): string {
    const p = asciiLower(prefix.trim());
    if (p.length === 32) {
      if (!ID.test(p)) throw invalid('id', 'an id is 32 hexadecimal digits');
      return p;
    }
    if (p.length < 4 || !/^[0-9a-f]+$/.test(p)) throw invalid('id', 'give at least four hexadecimal digits of the id');
    const found = [...this.records.keys(), ...this.damaged].filter((id) => id.startsWith(p));
    if (found.length === 1) return found[0];
    if (found.length > 1) throw fail('AmbiguousId', `id ${p} matches more than one record; give more of it`);
    throw notFound(p);
  }

  private get(id: string): RecordDto {
    const r = this.records.get(id);
    if (!r) throw this.damaged.has(id) ? tampered(id) : notFound(id);
    return r;
  }

  /** Read-modify-write, as the engine's `modify`: a record from a newer Keel is never changed. */
  private modify(id: string, change: (r: RecordDto) => void): RecordDto {
    const r = this.get(id);
    if (r.body.kind === 'unknown') throw fromNewerVersion(id);
    change(r);
    r.revision += 1;
    r.updated = this.now().at;
    return this.out(r);
  }

  private checkPassphrase(p: string, field = 'passphrase') {
    if ([...p].length < 8) throw invalid(field, 'a passphrase has at least 8 characters');
  }

  async vaultStatus(): Promise<VaultStatus> {
    return { exists: this.exists, unlocked: this.unlocked, epoch: this.epoch };
  }

  private changedState(): VaultStatus {
    this.epoch += 1;
    return { exists: this.exists, unlocked: this.unlocked, epoch: this.epoch };
  }

  /** Nothing is written until the key is confirmed, as in the shell. */
  async createVault(req: PassphraseRequest): Promise<CreatedVaultDto> {
    if (this.exists) throw fail('VaultExists', 'a vault already exists');
    this.checkPassphrase(req.passphrase);
    this.pending = { purpose: 'create', groups: this.makeGroups(), passphrase: req.passphrase };
    return { recoveryGroups: [...this.pending.groups] };
  }

  async confirmRecoveryKey(req: ConfirmKeyRequest): Promise<VaultStatus> {
    const p = this.pending;
    if (!p) throw fail('VaultLocked', 'the vault is locked');
    const norm = (t: string) => t.toUpperCase().replace(/[\s-]+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
    if (norm(req.typed) !== p.groups[req.group - 1]) {
      throw invalid('group', `that doesn't match group ${req.group} of the new recovery key`);
    }
    if (p.purpose === 'create') {
      this.exists = true;
      this.unlocked = true;
      this.passphrase = p.passphrase;
      this.recoveryGroups = p.groups;
      this.seedSkills();
    } else {
      this.guard();
      this.recoveryKeyOk = true;
      this.retiredRecoveryKeys.push(this.recoveryGroups);
      this.recoveryGroups = p.groups;
      if (p.purpose === 'rekey') this.rekeys += 1;
    }
    this.pending = null;
    return this.changedState();
  }

  /** Test hook: a new journal, its key confirmed at once, open; returns the key's groups. */
  async createOpen(passphrase: string): Promise<string[]> {
    const { recoveryGroups } = await this.createVault({ passphrase });
    await this.confirmRecoveryKey({ group: 1, typed: recoveryGroups[0] });
    return recoveryGroups;
  }

  async copyRecoveryKey(): Promise<number> {
    if (!this.pending) throw fail('VaultLocked', 'the vault is locked');
    this.clipboard = this.pending.groups.join('-');
    return 60;
  }

  async cancelRecoveryKey(): Promise<void> {
    this.pending = null;
  }

  /** As the shell: a lock since the page's `epoch` wins, and nothing is tried. */
  async unlock(req: PassphraseRequest, epoch = this.epoch): Promise<VaultStatus> {
    if (epoch !== this.epoch) return this.vaultStatus();
    if (!this.exists) throw fail('VaultMissing', 'no vault here yet');
    if (req.passphrase !== this.passphrase) throw wrongPassphrase();
    this.unlocked = true;
    this.pending = null;
    const status = this.changedState();
    this.dailyBackup();
    return status;
  }

  async lock(): Promise<VaultStatus> {
    this.unlocked = false;
    this.pending = null;
    return this.changedState();
  }

  async quickHide(): Promise<void> {
    this.emitLocked();
  }

  /** Test hook: the shell locked on its own (idle, quick hide) and says so. */
  emitLocked() {
    this.unlocked = false;
    this.pending = null;
    const status = this.changedState();
    for (const h of this.stateHandlers) h(status);
  }

  async recover(req: RecoverRequest, epoch = this.epoch): Promise<VaultStatus> {
    if (epoch !== this.epoch) return this.vaultStatus();
    if (!this.exists) throw fail('VaultMissing', 'no vault here yet');
    const typed = req.recoveryKey.toUpperCase().replace(/[\s-]+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
    if (typed.length !== 65) throw invalid('recoveryKey', 'a recovery key has 13 groups of 5 characters');
    // A key this vault had before is well formed but opens nothing, as in the engine.
    if (this.retiredRecoveryKeys.some((k) => k.join('') === typed)) {
      throw fail('WrongRecoveryKey', 'that recovery key does not open this vault');
    }
    for (let g = 0; g < 13; g++) {
      const part = typed.slice(g * 5, g * 5 + 5);
      if ([...part].some((c) => !ALPHABET.includes(c))) throw fail('RecoveryKeyMistyped', `group ${g + 1} looks mistyped`, { group: g + 1 });
      if (part !== this.recoveryGroups[g]) throw fail('RecoveryKeyMistyped', `group ${g + 1} looks mistyped`, { group: g + 1 });
    }
    this.checkPassphrase(req.newPassphrase, 'newPassphrase');
    this.passphrase = req.newPassphrase;
    this.unlocked = true;
    return this.changedState();
  }

  async changePassphrase(req: ChangePassphraseRequest): Promise<void> {
    this.guard();
    this.pending = null;
    if (req.current !== this.passphrase) throw wrongPassphrase();
    this.checkPassphrase(req.new, 'new');
    this.passphrase = req.new;
  }

  /** Step one of a new recovery key: checked and shown, in effect only once confirmed. */
  async newRecoveryKey(req: PassphraseRequest): Promise<CreatedVaultDto> {
    this.guard();
    if (req.passphrase !== this.passphrase) throw wrongPassphrase();
    this.pending = { purpose: 'replace', groups: this.makeGroups(), passphrase: req.passphrase };
    return { recoveryGroups: [...this.pending.groups] };
  }

  /** The engine seals every record again under a new data key once the key is confirmed; the
   * fake has no keys, so it keeps the records and makes the new recovery key the one. */
  async rekey(req: PassphraseRequest): Promise<CreatedVaultDto> {
    this.guard();
    if (req.passphrase !== this.passphrase) throw wrongPassphrase();
    this.pending = { purpose: 'rekey', groups: this.makeGroups(), passphrase: req.passphrase };
    return { recoveryGroups: [...this.pending.groups] };
  }

  /** Test hook: the file as the engine would find it after a change outside Keel. A damaged id
   * that names a record here takes it out of every list, as a record that no longer opens. */
  tamper(t: Tampering): void {
    for (const raw of t.damaged ?? []) {
      const id = asciiLower(raw);
      this.records.delete(id);
      this.instants.delete(id);
      this.damaged.add(id);
    }
    if (t.malformedRows) this.malformedRows = [...t.malformedRows];
    if (t.manifestOk !== undefined) this.manifestOk = t.manifestOk;
    if (t.databaseOk !== undefined) this.databaseOk = t.databaseOk;
    if (t.recoveryKeyOk !== undefined) this.recoveryKeyOk = t.recoveryKeyOk;
  }

  async vaultHealth(): Promise<VaultHealthDto> {
    this.guard();
    return {
      damaged: this.damaged.size,
      malformedRows: this.malformedRows.length,
      manifestOk: this.manifestOk,
      recoveryKeyOk: this.recoveryKeyOk,
    };
  }

  async verifyVault(): Promise<VerifyReportDto> {
    this.guard();
    return {
      checked: this.records.size + this.damaged.size + this.malformedRows.length,
      entries: entriesIn(this.records),
      damaged: [...this.damaged].sort(),
      malformedRows: [...this.malformedRows].sort((a, b) => a - b),
      databaseOk: this.databaseOk,
      manifestOk: this.manifestOk,
      recoveryKeyOk: this.recoveryKeyOk,
    };
  }

  async acceptCurrentSet(): Promise<void> {
    this.guard();
    this.manifestOk = true;
    this.recoveryKeyOk = true;
  }

  async reportActivity(): Promise<void> {
    this.activityReports += 1;
  }

  async addRecord(req: NewRecord): Promise<RecordDto> {
    this.guard();
    const when = req.at === null || req.at === undefined ? this.now() : parseTime('at', req.at);
    const body = normalize(req.body);
    return this.out(this.put(body, when));
  }

  async updateRecord(req: UpdateRecord): Promise<RecordDto> {
    this.guard();
    const id = this.resolve(req.id);
    const when = req.at === null || req.at === undefined ? null : parseTime('at', req.at);
    const body = normalize(req.body);
    return this.modify(id, (r) => {
      if (r.body.kind !== body.kind) throw invalid('kind', "a record's kind cannot change");
      r.body = body;
      if (when) {
        r.at = when.at;
        r.localDate = when.at.slice(0, 10);
        this.instants.set(id, when.instant);
      }
    });
  }

  async getRecord(id: string): Promise<RecordDto> {
    this.guard();
    return this.out(this.get(this.resolve(id)));
  }

  async trashRecord(id: string): Promise<RecordDto> {
    this.guard();
    const now = this.now().at;
    return this.modify(this.resolve(id), (r) => {
      r.trashed ??= now;
    });
  }

  async restoreRecord(id: string): Promise<RecordDto> {
    this.guard();
    return this.modify(this.resolve(id), (r) => {
      r.trashed = null;
    });
  }

  async purgeRecord(id: string): Promise<void> {
    this.guard();
    const full = this.resolve(id);
    // The UI never forces: this build cannot show what a newer Keel's record holds.
    if (this.records.get(full)?.body.kind === 'unknown') throw fromNewerVersion(full);
    // A record that no longer opens can still be deleted for good, as in the engine.
    if (this.damaged.delete(full)) return;
    this.get(full);
    this.records.delete(full);
    this.instants.delete(full);
  }

  /** Newest first (by the instant it happened), then by id, descending. */
  private sorted(): RecordDto[] {
    const at = (r: RecordDto) => this.instants.get(r.id) ?? 0;
    return [...this.records.values()].sort((a, b) => at(b) - at(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  async listRecords(req: ListQuery): Promise<ListPage> {
    this.guard();
    const kinds = req.kinds.map((k) => {
      const name = typeof k === 'string' ? k.trim() : '';
      if (!(ALL_KINDS as string[]).includes(name)) {
        throw invalid('kind', `choose one of ${ALL_KINDS.filter((x) => x !== 'unknown').join(', ')}`);
      }
      return name as RecordKind;
    });
    const since = req.since == null ? null : parseDate('since', req.since);
    const until = req.until == null ? null : parseDate('until', req.until);
    if (since !== null && until !== null && since > until) throw invalid('until', 'the end date is before the start date');
    const needle = req.text ? req.text.toLowerCase() : null;
    const tag = req.tag?.trim() ? asciiLower(req.tag.trim()) : null;
    const all = this.sorted().filter((r) => {
      const k = r.body.kind;
      return (
        (kinds.length ? kinds.includes(k) : isEntry(k)) &&
        (r.trashed !== null) === !!req.trash &&
        (since === null || r.localDate >= since) &&
        (until === null || r.localDate <= until) &&
        (tag === null || bodyTags(r.body).some((t) => asciiLower(t) === tag)) &&
        (needle === null || searchText(r.body).includes(needle))
      );
    });
    const start = req.offset ?? 0;
    const end = req.limit == null ? all.length : start + req.limit;
    return { records: this.out(all.slice(start, end)), total: all.length, damaged: [...this.damaged].sort() };
  }

  async searchRecords(req: SearchQuery): Promise<ListPage> {
    this.guard();
    const text = req.text.trim();
    if (!text) throw invalid('text', 'type something to search for');
    return this.listRecords(listQuery({ text, limit: req.limit }));
  }

  async listSkills(includeHidden: boolean): Promise<RecordDto[]> {
    this.guard();
    const order = keysOf(SKILL_CATEGORY_LABEL);
    const { records } = await this.listRecords(listQuery({ kinds: ['skill'] }));
    const skills = records.filter(
      (r): r is RecordDto & { body: Body<'skill'> } => r.body.kind === 'skill' && (includeHidden || !r.body.hidden),
    );
    const key = (r: RecordDto & { body: Body<'skill'> }) =>
      [r.body.favourite ? 0 : 1, order.indexOf(r.body.category), r.body.name.toLowerCase()] as const;
    // Favourites first, then by category in the engine's order, then by name (a stable sort,
    // as the engine's).
    return skills.sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      return ka[0] - kb[0] || ka[1] - kb[1] || (ka[2] < kb[2] ? -1 : ka[2] > kb[2] ? 1 : 0);
    });
  }

  async listTrackers(includeArchived: boolean): Promise<RecordDto[]> {
    this.guard();
    const { records } = await this.listRecords(listQuery({ kinds: ['tracker'] }));
    const name = (r: RecordDto) => (r.body.kind === 'tracker' ? r.body.name.toLowerCase() : '');
    return records
      .filter((r) => r.body.kind === 'tracker' && (includeArchived || !r.body.archived))
      .sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Each clock that is not archived, the longest-running first, with the lapses logged
   * against it (`commands::clocks_with_lapses`). */
  private async clockRecords(): Promise<{ id: string; body: Body<'clock'>; lapses: { at: string; restart: boolean }[] }[]> {
    const { records } = await this.listRecords(listQuery({ kinds: ['clock', 'lapse'] }));
    const lapses = records.flatMap((r) => (r.body.kind === 'lapse' && r.body.clock ? [{ clock: r.body.clock, at: r.at, restart: r.body.restart }] : []));
    return records
      .flatMap((r) => (r.body.kind === 'clock' && !r.body.archived ? [{ id: r.id, body: r.body }] : []))
      .sort((a, b) => Date.parse(a.body.since) - Date.parse(b.body.since) || (a.id < b.id ? -1 : 1))
      .map(({ id, body }) => ({ id, body, lapses: lapses.filter((l) => l.clock === id).map(({ at, restart }) => ({ at, restart })) }));
  }

  async clockStatus(): Promise<ClockStatusDto[]> {
    this.guard();
    const now = localRfc3339(new Date());
    return (await this.clockRecords()).map(({ id, body, lapses }) => ({
      id,
      name: body.name,
      since: body.since,
      ...clockStatus(body.since, lapses, now),
    }));
  }

  /** As `commands::programme`, on this machine's wall clock now. */
  async programme(): Promise<ProgrammeDto> {
    this.guard();
    const { records } = await this.listRecords(listQuery({ kinds: ['schedule', 'occurrence'] }));
    const slots: SlotRecord[] = records.flatMap((r) => (r.body.kind === 'schedule' ? [{ id: r.id, slot: r.body }] : []));
    const marks: MarkRecord[] = records.flatMap((r) => (r.body.kind === 'occurrence' ? [{ id: r.id, updated: r.updated, occurrence: r.body }] : []));
    return this.out(programme(slots, marks, localRfc3339(new Date()).slice(0, 19)));
  }

  /** As `commands::assessments`: one questionnaire's results, oldest first. */
  async assessmentTrend(id: string): Promise<AssessmentTrendDto> {
    this.guard();
    const form = instrument(id.trim());
    if (!form) throw invalid('instrument', `choose one of ${INSTRUMENTS.map((i) => i.id).join(', ')}`);
    const { records } = await this.listRecords(listQuery({ kinds: ['assessment'] }));
    return this.out(trendOf(records, form, localRfc3339(new Date()).slice(0, 10)));
  }

  /** As `commands::diary_week`: the Monday-to-Sunday week holding `date`. */
  async diaryWeek(date: string): Promise<DiaryWeekDto> {
    this.guard();
    const day = calendarDate('date', date);
    const { records } = await this.listRecords(listQuery({ kinds: ['diary-card', 'diary-setup'] }));
    const d = new Date(`${day}T00:00:00Z`);
    const monday = d.getTime() - ((d.getUTCDay() + 6) % 7) * 86400e3;
    const days = Array.from({ length: 7 }, (_, i) => new Date(monday + i * 86400e3).toISOString().slice(0, 10));
    const setup = records.find((r) => r.body.kind === 'diary-setup');
    return this.out({
      start: days[0],
      setup: setup && setup.body.kind === 'diary-setup' ? { targets: setup.body.targets, emotions: setup.body.emotions, medication: setup.body.medication } : defaultSetup(),
      setupId: setup?.id ?? null,
      days: days.map((date) => {
        const r = records.find((x) => x.body.kind === 'diary-card' && x.body.date === date);
        if (!r || r.body.kind !== 'diary-card') return { date, id: null, card: null };
        const { date: cardDate, urges, emotions, skills, skillsRating, medication, note } = r.body;
        return { date, id: r.id, card: { date: cardDate, urges, emotions, skills, skillsRating, medication, note } };
      }),
    });
  }

  /** As `commands::on_this_day`: today's date in each of the 11 months before and 60 years
   * before (`insights::on_this_day_dates`), the entries of each, newest first. */
  async onThisDay(): Promise<OnThisDayDto[]> {
    this.guard();
    const out: OnThisDayDto[] = [];
    for (const { ago, day } of onThisDayDates(localRfc3339(new Date()).slice(0, 10), 60)) {
      const { records } = await this.listRecords(listQuery({ since: day, until: day }));
      out.push(...records.map((record) => ({ ago, record })));
    }
    return out;
  }

  /** As `commands::insights`: what the check-ins, coping-skill uses, lapses, questionnaires and
   * attendance say over a span ending today (the pure figures in `fakeInsights.ts`). */
  async insights(req: InsightsQuery): Promise<InsightsDto> {
    this.guard();
    const now = localRfc3339(new Date());
    const today = now.slice(0, 10);
    const range = (req.range ?? '').trim();
    const from = spanStart(range, today);
    if (from === undefined) throw invalid('range', 'choose one of 30d, 90d, 1y, all');
    const bucket = (req.bucket ?? '').trim() as Bucket;
    if (!BUCKETS.includes(bucket)) throw invalid('bucket', 'choose one of day, week, month');
    // Read once: the span, and the last year for the year in pixels, whichever reaches back
    // further.
    const year = shiftDay(today, -364);
    const since = from === null ? null : from < year ? from : year;
    const { records } = await this.listRecords(listQuery({ kinds: ['checkin', 'skill-use', 'lapse'], since }));
    const inSpan = (day: string) => from === null || day >= from;
    const checkins: DatedCheckin[] = [];
    const yearCheckins: DatedCheckin[] = [];
    const uses: Body<'skill-use'>[] = [];
    const lapses = new Map<string, number>();
    for (const r of records) {
      const day = r.localDate;
      if (r.body.kind === 'checkin') {
        if (day >= year) yearCheckins.push({ day, c: r.body });
        if (inSpan(day)) checkins.push({ day, c: r.body });
      } else if (r.body.kind === 'skill-use' && inSpan(day)) {
        uses.push(r.body);
      } else if (r.body.kind === 'lapse' && inSpan(day)) {
        const start = bucketStart(bucket, day);
        lapses.set(start, (lapses.get(start) ?? 0) + 1);
      }
    }
    const [clocks, questionnaires, programme] = await Promise.all([
      this.clockRecords(),
      this.listRecords(listQuery({ kinds: ['assessment'] })),
      this.programme(),
    ]);
    return this.out({
      from,
      to: today,
      bucket,
      stress: series(checkins, 'stress', bucket, from, today),
      mood: series(checkins, 'mood', bucket, from, today),
      craving: series(checkins, 'craving', bucket, from, today),
      moodDays: series(yearCheckins, 'mood', 'day', year, today),
      stressDays: series(yearCheckins, 'stress', 'day', year, today),
      skills: skillEffects(uses),
      sleep: sleepVsNextDayStress(checkins),
      halt: haltVsStress(checkins),
      highStress: highStressDays(checkins),
      lapses: [...lapses.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([start, n]) => ({ start, mean: n, n })),
      // Each clock's runs that end on or after the span's first day (all of them for everything).
      clocks: clocks.map(({ id, body, lapses }) => ({
        id,
        name: body.name,
        runs: clockRuns(body.since, lapses, now)
          .map((r) => ({ start: wallDate(r.start), end: wallDate(r.end), days: r.days, ended: r.ended }))
          .filter((r) => from === null || r.end >= from),
      })),
      phq9: trendOf(questionnaires.records, instrument('phq9')!, today),
      gad7: trendOf(questionnaires.records, instrument('gad7')!, today),
      attendance: programme.attendance,
    });
  }

  /** As `commands::report`: the request checked as the engine checks it, the chosen entries
   * first, then the chosen sections over the span (see `fakeReport.ts` for which the fake
   * builds in full). */
  async reportPreview(req: ReportRequest): Promise<ReportDto> {
    this.guard();
    const o = checkReport(req);
    const chosen: RecordDto[] = [];
    for (const id of o.entries) {
      const r = this.records.get(id);
      if (!r || this.damaged.has(id) || r.trashed !== null || r.body.kind !== 'journal') throw noJournalEntry(id);
      chosen.push(r);
    }
    const { records } = await this.listRecords(listQuery({ kinds: [...ALL_KINDS.filter((k) => k !== 'unknown')], since: o.from, until: o.to }));
    const order = new Map(this.sorted().map((r, i) => [r.id, i]));
    const oldestFirst = (a: RecordDto, b: RecordDto) => (order.get(b.id) ?? 0) - (order.get(a.id) ?? 0);
    const today = localRfc3339(new Date()).slice(0, 10);
    return this.out(buildReport(o, records.reverse(), chosen.sort(oldestFirst), today, this.settings.cravingLabel));
  }

  /** The last request `saveReport` was given, for tests. */
  lastSaveRequest: ReportRequest | null = null;
  /** Set to answer the save dialog with Cancel. */
  cancelSave = false;

  /** As the shell's `save_report`: a bad request fails before any dialog; then the name the
   * dialog suggests, or null when the person cancels. */
  async saveReport(req: ReportRequest): Promise<string | null> {
    this.lastSaveRequest = structuredClone(req);
    await this.reportPreview(req);
    if (this.cancelSave) return null;
    return `Keel report ${req.from.trim()} to ${req.to.trim()}.pdf`;
  }

  /** Readable while locked, as the shell's. */
  async reminderSettings(): Promise<ReminderSettings> {
    return structuredClone(this.reminders);
  }

  /** As `ReminderSettings::normalize` (src/dto.rs); the shell saves them locked or not. */
  async setReminderSettings(req: ReminderSettings): Promise<ReminderSettings> {
    // The shell starts the questionnaire reminder's 14 days on the day it is turned on.
    const since = req.questionnaireTime && !req.questionnaireSince ? localRfc3339(new Date()).slice(0, 10) : req.questionnaireSince;
    this.reminders = normalizeReminders({ ...req, questionnaireSince: since });
    return structuredClone(this.reminders);
  }

  async getSettings(): Promise<Settings> {
    return { ...this.settings };
  }

  async setSettings(req: Settings): Promise<Settings> {
    if (!Number.isInteger(req.autoLockMinutes) || req.autoLockMinutes < 1 || req.autoLockMinutes > 240) {
      throw invalid('autoLockMinutes', 'auto-lock is between 1 and 240 minutes');
    }
    if (!['light', 'dark', 'system'].includes(req.theme)) throw invalid('theme', 'theme is light, dark or system');
    for (const [field, label] of [['cravingLabel', req.cravingLabel], ['sessionLabel', req.sessionLabel]] as const) {
      // eslint-disable-next-line no-control-regex -- a label is one line: no control characters
      if ([...label].length > 40 || /[\u0000-\u001f\u007f-\u009f]/.test(label)) {
        throw invalid(field, 'a label is one line of at most 40 characters');
      }
    }
    this.settings = { ...req };
    return { ...this.settings };
  }

  async lockScreenPlan(): Promise<CrisisPlanDto | null> {
    return this.lockScreenCopy === null ? null : structuredClone(this.lockScreenCopy);
  }

  /** As the shell: only while unlocked; the plan checked and tidied as the record is. */
  async setLockScreenPlan(plan: CrisisPlanDto | null): Promise<void> {
    this.guard();
    if (plan === null) {
      this.lockScreenCopy = null;
      return;
    }
    const checked: Partial<Body<'crisis-plan'>> = NORMALIZE['crisis-plan']({ kind: 'crisis-plan', ...plan });
    delete checked.kind;
    this.lockScreenCopy = checked as CrisisPlanDto;
  }

  async backupStatus(): Promise<BackupStatusDto> {
    const last = this.backupLastVerified === null ? NaN : Date.parse(this.backupLastVerified);
    return {
      folder: this.backupFolder,
      lastVerified: this.backupLastVerified,
      lastError: this.backupLastError,
      due: this.backupFolder !== '' && (Number.isNaN(last) || Date.now() - last >= BACKUP_DUE_DAYS * 86400e3),
      backups: this.backupList().map(({ path, taken, bytes }) => ({ path, taken, bytes })),
    };
  }

  /** The backups in the chosen folder, newest first (those left in another folder stay there). */
  private backupList(): FakeBackup[] {
    if (!this.backupFolder) return [];
    return this.backups.filter((b) => b.path.startsWith(`${this.backupFolder}/`)).sort((a, b) => (a.taken < b.taken ? 1 : a.taken > b.taken ? -1 : 0));
  }

  /** The folder dialog answers with `folderDialog`; Cancel (null) changes nothing. */
  async chooseBackupFolder(): Promise<BackupStatusDto | null> {
    if (this.folderDialog === null) return null;
    this.backupFolder = this.folderDialog;
    return this.backupStatus();
  }

  async backupNow(): Promise<BackupStatusDto> {
    this.guard();
    this.makeBackup(new Date(this.now().instant));
    return this.backupStatus();
  }

  /** As `backup::make`: the journal as it is now, as a backup taken at `when` in the chosen
   * folder, remembered as the latest verified, then rotated. Also a test hook (an older backup:
   * a `when` in the past). */
  makeBackup(when: Date = new Date()): FakeBackup {
    if (!this.backupFolder) throw invalid('folder', 'choose a folder for backups first');
    const b = this.snapshot(when);
    this.backups.push(b);
    this.backupLastVerified = localRfc3339(when);
    this.backupLastError = null;
    const here = this.backupList();
    const prune = backupsToPrune(here.map((x) => x.taken));
    this.backups = this.backups.filter((x) => !here.includes(x) || !prune.has(x.taken));
    return b;
  }

  /** The journal as it is, as a backup file named for `when` (a later second if that name is
   * taken, as `backup::publish`). */
  private snapshot(when: Date): FakeBackup {
    let at = Math.floor(when.getTime() / 1000) * 1000;
    const name = (t: number) => {
      const taken = localRfc3339(new Date(t)).slice(0, 19);
      return { taken, path: `${this.backupFolder}/keel-backup-${taken.replace(/[-:]/g, '').replace('T', '-')}.keel` };
    };
    while (this.backups.some((b) => b.path === name(at).path)) at += 1000;
    const records = structuredClone(this.records);
    return {
      ...name(at),
      bytes: 48 * 1024 + byteLength(JSON.stringify([...records.values()])),
      passphrase: this.passphrase,
      recoveryGroups: [...this.recoveryGroups],
      records,
      instants: new Map(this.instants),
      damaged: new Set(this.damaged),
    };
  }

  /** As the shell after an unlock: the day's backup, if a folder is chosen and none verified
   * today, then told to the page. */
  private dailyBackup() {
    if (!this.backupFolder) return;
    const today = localRfc3339(new Date()).slice(0, 10);
    if (this.backupLastVerified?.slice(0, 10) === today) return;
    this.makeBackup(new Date(this.now().instant));
    void this.backupStatus().then((st) => this.emitBackup(st));
  }

  /** As the shell's `one_of_ours`: only a backup in the chosen folder is opened. */
  private ourBackup(file: string): FakeBackup {
    const b = this.backupList().find((x) => x.path === file);
    if (!b) throw invalid('file', 'not one of the backups in the chosen folder');
    return b;
  }

  async checkBackup(file: string, req: PassphraseRequest): Promise<VerifyReportDto> {
    this.guard();
    const b = this.ourBackup(file);
    if (req.passphrase !== b.passphrase) throw wrongPassphrase();
    return {
      checked: b.records.size + b.damaged.size,
      entries: entriesIn(b.records),
      damaged: [...b.damaged].sort(),
      malformedRows: [],
      databaseOk: true,
      manifestOk: true,
      recoveryKeyOk: true,
    };
  }

  /** As the shell: locks (and says so), checks the backup, keeps the journal as it stands as a
   * backup in the folder, then puts the backup in its place. Keel stays locked; the backup's
   * passphrase opens it. */
  async restoreBackup(file: string, req: PassphraseRequest): Promise<VaultStatus> {
    this.guard();
    const b = this.ourBackup(file);
    this.emitLocked();
    const locked = await this.vaultStatus();
    if (req.passphrase !== b.passphrase) throw wrongPassphrase();
    if (b.damaged.size > 0) throw fail('VaultDamaged', 'the backup did not verify; the vault was left as it was');
    this.backups.push(this.snapshot(new Date(this.now().instant)));
    this.passphrase = b.passphrase;
    this.recoveryGroups = [...b.recoveryGroups];
    this.records = structuredClone(b.records);
    this.instants = new Map(b.instants);
    this.damaged = new Set();
    this.malformedRows = [];
    this.manifestOk = this.databaseOk = this.recoveryKeyOk = true;
    this.emitBackup(await this.backupStatus());
    return locked;
  }

  // ---- Import and export (the shell's transfer.rs; the parsing in fakeImport.ts) -------------

  /** As the shell's `import_preview`: the source and mood map checked, the open dialog (null
   * when cancelled), then the file read whole and imported as a dry run. */
  async importPreview(source: ImportSource, moodMap: string): Promise<ImportSummaryDto | null> {
    const src = parseSource(source);
    const moods = parseMoodMap(moodMap);
    this.guard();
    const file = this.openDialog;
    if (file === null) return null;
    const summary = this.importRecords(parseFile(src, file.text, moods), false);
    this.pendingImport = { file: structuredClone(file), source: src, moods };
    return { ...summary, file: file.name };
  }

  /** As `import_confirm`: the file read again, a backup first when a folder is chosen, then
   * every new record added. */
  async importConfirm(): Promise<ImportSummaryDto> {
    const p = this.pendingImport;
    this.pendingImport = null;
    if (!p) throw invalid('file', 'choose a file to import first');
    this.guard();
    const parsed = parseFile(p.source, p.file.text, p.moods);
    // Checked in full before anything is written (the dry run throws what the import would).
    this.importRecords(parsed, false);
    if (this.backupFolder) this.makeBackup(new Date(this.now().instant));
    return { ...this.importRecords(parsed, true), file: p.file.name };
  }

  async importCancel(): Promise<void> {
    this.pendingImport = null;
  }

  /** `import::import` over `Vault::import_records`: every record checked as the vault checks
   * it, ids already here skipped, a built-in skill never changed giving way to the imported one;
   * with `write`, the new ones put in as they are. */
  private importRecords(parsed: { records: Incoming[]; newer: number; media: number }, write: boolean): ImportSummaryDto {
    const added: { r: RecordDto; instant: number }[] = [];
    const removed = new Set<string>();
    const seen = new Set<string>();
    for (const inc of parsed.records) {
      if (this.records.has(inc.id) || this.damaged.has(inc.id) || seen.has(inc.id)) continue;
      let body: BodyDto;
      let at: { at: string; instant: number };
      let times: [string, string, string | null];
      try {
        body = normalize(inc.body);
        at = parseTime('at', inc.at);
        times = [parseTime('created', inc.created).at, parseTime('updated', inc.updated).at, inc.trashed === null ? null : parseTime('trashed', inc.trashed).at];
      } catch (e) {
        const err = e as ErrorDto;
        if (err.code !== 'InvalidInput' || !err.field) throw e;
        throw inc.fault(err.field, err.message.slice(err.field.length + 2));
      }
      if (body.kind === 'skill' && body.builtin) {
        const key = body.builtin;
        const mine = [...this.records.values()].find((c) => c.body.kind === 'skill' && c.body.builtin === key);
        if (mine && (mine.revision !== 1 || removed.has(mine.id))) continue;
        if (mine) removed.add(mine.id);
      }
      seen.add(inc.id);
      const [created, updated, trashed] = times;
      added.push({
        r: { id: inc.id, revision: inc.revision, created, updated, at: at.at, localDate: at.at.slice(0, 10), trashed, body },
        instant: at.instant,
      });
    }
    if (write) {
      for (const id of removed) {
        this.records.delete(id);
        this.instants.delete(id);
      }
      for (const { r, instant } of added) {
        this.records.set(r.id, structuredClone(r));
        this.instants.set(r.id, instant);
      }
    }
    const byKind = new Map<string, number>();
    for (const { r } of added) byKind.set(r.body.kind, (byKind.get(r.body.kind) ?? 0) + 1);
    const days = added.map(({ r }) => r.localDate).sort();
    return {
      added: added.length,
      already: parsed.records.length - added.length,
      newer: parsed.newer,
      media: parsed.media,
      byKind: [...byKind.entries()]
        .sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : ka > kb ? 1 : 0))
        .map(([kind, n]) => ({ kind, n })),
      firstDay: days[0] ?? null,
      lastDay: days[days.length - 1] ?? null,
      written: write,
      first: [...added]
        .sort((a, b) => a.instant - b.instant || (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0))
        .slice(0, 5)
        .map(({ r }) => ({ day: r.localDate, summary: engineSummary(r) })),
      file: '',
    };
  }

  /** As the shell's `export_to`: the format checked, then the save dialog (JSON, or Markdown in
   * one file: the file's name, an extension added if it has none) or the folder dialog (a new
   * folder "Keel export DATE" made inside, "(2)" and on when taken); null when cancelled. */
  async exportTo(format: ExportFormat, oneFile: boolean): Promise<string | null> {
    const f = asciiLower(String(format).trim());
    if (f !== 'json' && f !== 'csv' && f !== 'markdown') throw invalid('format', 'choose json, csv or markdown');
    this.guard();
    const today = localDay();
    const answer = this.exportDialog;
    if (answer === null) return null;
    let name: string;
    let text: string | null = null;
    if (f === 'json' || oneFile) {
      const ext = f === 'json' ? 'json' : f === 'csv' ? 'zip' : 'md';
      name = (answer || `Keel export ${today}.${ext}`).split('/').pop() ?? '';
      if (!/\.[^.]+$/.test(name)) name = `${name}.${ext}`;
      if (f === 'json') {
        const doc = {
          format: 'keel-export',
          version: 1,
          exportedAt: localRfc3339(),
          records: this.sorted().reverse(),
          damaged: [...this.damaged].sort(),
        };
        text = `${JSON.stringify(doc, null, 2)}\n`;
      }
    } else {
      const parent = answer || '~/Documents';
      name = `Keel export ${today}`;
      for (let n = 2; this.exportFolders.has(`${parent}/${name}`); n++) name = `Keel export ${today} (${n})`;
      this.exportFolders.add(`${parent}/${name}`);
    }
    this.lastExport = { format: f, oneFile, name, text };
    return name;
  }

  async onBackup(handler: (s: BackupStatusDto) => void): Promise<() => void> {
    this.backupHandlers.add(handler);
    return () => this.backupHandlers.delete(handler);
  }

  /** Test hook: the shell says a backup was made (or restored) on its own. */
  emitBackup(status: BackupStatusDto) {
    for (const h of this.backupHandlers) h(structuredClone(status));
  }

  async onState(handler: (s: VaultStatus) => void): Promise<() => void> {
    this.stateHandlers.add(handler);
    return () => this.stateHandlers.delete(handler);
  }

  async onQuickCheckin(handler: () => void): Promise<() => void> {
    this.quickCheckinHandlers.add(handler);
    return () => this.quickCheckinHandlers.delete(handler);
  }

  /** Test hook: the tray's "Quick check-in" was chosen. */
  emitQuickCheckin() {
    for (const h of this.quickCheckinHandlers) h();
  }
}

// ---- Questionnaires and insights, as src/commands.rs ----------------------------------------

/** One form's results among `records`, oldest first (by when each was taken, then written),
 * each with its change from the one before (`commands::trend_of`). */
function trendOf(records: RecordDto[], form: Instrument, today: string): AssessmentTrendDto {
  const mine = records
    .flatMap((r) => (r.body.kind === 'assessment' && r.body.instrument === form.id ? [{ r, body: r.body }] : []))
    .sort((a, b) => Date.parse(a.r.at) - Date.parse(b.r.at) || Date.parse(a.r.created) - Date.parse(b.r.created));
  let prev: number | null = null;
  const points = mine.map(({ r, body }) => {
    const total = body.answers.reduce((t, a) => t + a, 0);
    const change = prev === null ? null : total - prev;
    prev = total;
    return {
      id: r.id,
      at: r.at,
      localDate: r.localDate,
      total,
      band: bandOf(form, total),
      change,
      meaningful: change !== null && Math.abs(change) >= form.meaningfulChange,
    };
  });
  const overall = points.length > 1 ? points[points.length - 1].total - points[0].total : null;
  const last = points[points.length - 1];
  return {
    instrument: form.id,
    points,
    overall,
    overallMeaningful: overall !== null && Math.abs(overall) >= form.meaningfulChange,
    daysSince: last ? Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${last.localDate}T00:00:00Z`)) / 86400e3) : null,
  };
}

// ---- Reminders, as src/dto.rs and src/reminders.rs -------------------------------------------

const DEFAULT_CHECKIN_TEXT = 'Time for a check-in';
const DEFAULT_SESSION_TEXT = 'Something on your calendar starts soon';
const DEFAULT_QUESTIONNAIRE_TEXT = 'A two-weekly check-in is ready';
const MAX_REMINDER_TIMES = 8;
const MAX_REMINDER_TEXT = 60;

/** The days On This Day looks at, newest first, with how long ago in words: a date a month
 * lacks (the 31st, 29 February) is skipped there, never moved (`insights::on_this_day_dates`). */
export function onThisDayDates(today: string, years: number): { ago: string; day: string }[] {
  const [y, m, d] = today.split('-').map(Number);
  const back = [
    ...Array.from({ length: 11 }, (_, i) => ({ months: i + 1, ago: i === 0 ? '1 month ago' : `${i + 1} months ago` })),
    ...Array.from({ length: years }, (_, i) => ({ months: 12 * (i + 1), ago: i === 0 ? '1 year ago' : `${i + 1} years ago` })),
  ];
  return back.flatMap(({ months, ago }) => {
    const total = y * 12 + (m - 1) - months;
    const [yy, mm] = [Math.floor(total / 12), (total % 12) + 1];
    return d <= daysIn(yy, mm) ? [{ ago, day: `${pad(yy, 4)}-${pad(mm)}-${pad(d)}` }] : [];
  });
}

/** Keel's diary-card set-up until the person saves one (`DiarySetup::default`). */
function defaultSetup() {
  const { targets, emotions, medication } = defaultDiarySetup();
  return { targets, emotions, medication };
}

export function defaultReminders(): ReminderSettings {
  return {
    checkinTimes: [],
    sessionMinutesBefore: null,
    checkinText: DEFAULT_CHECKIN_TEXT,
    sessionText: DEFAULT_SESSION_TEXT,
    closeToTray: false,
    startAtLogin: false,
    questionnaireTime: null,
    questionnaireSince: null,
    questionnaireText: DEFAULT_QUESTIONNAIRE_TEXT,
  };
}

/** Checks and tidies, in the engine's order: times sorted without repeats, texts trimmed (an
 * empty one is its default). */
function normalizeReminders(r: ReminderSettings): ReminderSettings {
  const times = [...new Set((r.checkinTimes ?? []).map((t) => timeOfDay('checkinTimes', t)))].sort();
  if (times.length > MAX_REMINDER_TIMES) throw invalid('checkinTimes', `at most ${MAX_REMINDER_TIMES} reminders a day`);
  const m = r.sessionMinutesBefore ?? null;
  if (m !== null && (!Number.isInteger(m) || m < 1 || m > 24 * 60)) {
    throw invalid('sessionMinutesBefore', 'from 1 minute to a day (1440 minutes) before');
  }
  const checkinText = label('checkinText', r.checkinText ?? '', MAX_REMINDER_TEXT, false) || DEFAULT_CHECKIN_TEXT;
  const sessionText = label('sessionText', r.sessionText ?? '', MAX_REMINDER_TEXT, false) || DEFAULT_SESSION_TEXT;
  const questionnaireText = label('questionnaireText', r.questionnaireText ?? '', MAX_REMINDER_TEXT, false) || DEFAULT_QUESTIONNAIRE_TEXT;
  const qt = (r.questionnaireTime ?? '').trim();
  const questionnaireTime = qt ? timeOfDay('questionnaireTime', qt) : null;
  const questionnaireSince = questionnaireTime === null ? null : optDate('questionnaireSince', r.questionnaireSince);
  return {
    checkinTimes: times,
    sessionMinutesBefore: m,
    checkinText,
    sessionText,
    closeToTray: !!r.closeToTray,
    startAtLogin: !!r.startAtLogin,
    questionnaireTime,
    questionnaireSince,
    questionnaireText,
  };
}

/** Fill a fake vault with `n` plausible entries spread over the past, for previews. */
export async function seedDemo(fake: FakeBackend, n: number): Promise<void> {
  if (fake.exists) return;
  fake.exists = true;
  fake.passphrase = 'correct horse battery';
  fake.recoveryGroups = Array.from({ length: 13 }, (_, i) => `ABCD${i % 10}`);
  fake.seedSkills();
  const water = fake.insert({ kind: 'tracker', name: 'Water', answer: 'number', unit: 'glasses', archived: false }, new Date(Date.now() - 400 * 86400e3));
  const walk = fake.insert({ kind: 'tracker', name: 'Walk', answer: 'yes-no', unit: '', archived: false }, new Date(Date.now() - 400 * 86400e3));
  const notes = ['Long day at work', 'Felt steadier after group', 'Tired, skipped lunch', 'Call with my sponsor helped', ''];
  const now = Date.now();
  const step = Math.max(20 * 60 * 1000, Math.floor((365 * 24 * 3600 * 1000) / Math.max(1, n)));
  for (let i = 0; i < n; i++) {
    const when = new Date(now - i * step - 3600 * 1000);
    const k = i % 7;
    let body: BodyDto;
    if (k < 4) {
      body = { kind: 'checkin', stress: (i * 7) % 11, mood: (i * 3) % 11, craving: i % 4, sleepHours: 5 + (i % 4) + (i % 3) / 2, halt: { hungry: i % 5 === 0, angry: false, lonely: i % 6 === 0, tired: i % 3 === 0 }, emotions: i % 2 ? ['anxious'] : ['calm'], triggers: i % 4 ? [] : ['deadline'], context: 'work', note: notes[i % notes.length], factors: { exercise: i % 2 === 0, meals: 3, caffeine: i % 3, medication: true, outdoors: null }, trackers: i % 3 ? [] : [{ tracker: water.id, name: 'Water', answer: 'number', unit: 'glasses', value: 4 + (i % 5) }, { tracker: walk.id, name: 'Walk', answer: 'yes-no', unit: '', value: i % 2 }], bring: i % 17 === 0 };
    } else if (k === 4) {
      // Three skills, so Insights has some to put in order and one still waiting for ratings.
      const [skillName, after] = i % 3 === 0 ? ['Box breathing', 4] : i % 3 === 1 ? ['Walk outside', 3 + (i % 4)] : ['Cold water', i % 2 ? null : 5];
      body = { kind: 'skill-use', skillId: null, skillName, situation: 'Before a meeting', distressBefore: 7, distressAfter: after, urgeBefore: 3, urgeAfter: 1, minutes: 5, note: '', urgeAlong: [] };
    } else if (k === 5) {
      body = { kind: 'session', sessionType: 'group', title: `Group ${i}`, facilitator: 'Dr. Rivera', notes: '## Check-in round\n- Talked about **sleep**\n- Practised urge surfing', takeaways: 'Notice the wave, do not fight it.', homework: [{ text: 'Practise box breathing daily', done: i > 20 }], bring: [{ text: 'Ask about the weekend plan', done: i > 20 }], attended: true };
    } else {
      body = { kind: 'journal', title: `Evening notes ${i}`, prompt: 'What went well today?', text: 'Took a walk at lunch. Noticed the urge and let it pass.', tags: i % 2 ? ['work'] : ['family'], bring: i % 13 === 0 };
    }
    fake.insert(body, when);
  }
  // A PHQ-9 and a GAD-7 every two weeks for three months, so their trends have something to show
  // (the PHQ-9's question 9 always "Not at all").
  const answersFor = (total: number, items: number, last = items) =>
    Array.from({ length: items }, (_, i) => (i < last ? Math.max(0, Math.min(3, total - 3 * i)) : 0));
  if (n > 0) {
    const totals: [string, number, number, number[]][] = [
      ['phq9', 9, 8, [17, 15, 15, 11, 10, 8, 5]],
      ['gad7', 7, 7, [14, 12, 13, 9, 8, 8, 6]],
    ];
    for (const [id, items, scored, list] of totals) {
      list.forEach((total, j) => {
        const when = new Date(now - (list.length - 1 - j) * 14 * 86400e3 - 5 * 3600 * 1000);
        fake.insert({ kind: 'assessment', instrument: id, answers: answersFor(total, items, scored), difficulty: 1, note: '', total, band: bandOf(instrument(id)!, total) }, when);
      });
    }
  }
  // A clock with a lapse that restarted it, so Insights has runs to draw.
  if (n > 0) {
    const clock = fake.insert({ kind: 'clock', name: 'Alcohol', since: localRfc3339(new Date(now - 200 * 86400e3)), archived: false }, new Date(now - 200 * 86400e3));
    fake.insert({ kind: 'lapse', clock: clock.id, clockName: 'Alcohol', restart: true, whatHappened: 'A wedding', triggers: ['party'], halt: { hungry: false, angry: false, lonely: true, tired: true }, place: '', people: [], helped: 'Called my sponsor the next morning', nextTime: 'Leave early' }, new Date(now - 61 * 86400e3));
  }
  // One record as a newer version of Keel would leave it, to preview how such a record is kept.
  if (n > 0) {
    fake.insert({ kind: 'unknown', writtenAs: 'urge_log', version: 1, payload: { peak: 7 } }, new Date(now - 2 * 3600 * 1000));
  }
}

/** The entries the person wrote among `records` (not skills or settings, not in the trash). */
function entriesIn(records: Map<string, RecordDto>): number {
  let n = 0;
  for (const r of records.values()) if (isEntry(r.body.kind) && r.trashed === null) n += 1;
  return n;
}

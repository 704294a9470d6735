// The counsellor report for the fake backend, as src/report/mod.rs builds it: the request
// checked field by field with the engine's names and reasons (`ReportRequest::check`), and the
// blocks of three sections made in full: `checkins` (the count, the averages, the chart and its
// figures), `sessions` (titles or full notes) and `entries` (the chosen journal entries). The
// fake does not build the other sections: with nothing of theirs between the dates they get the
// engine's empty-state paragraph, as the engine gives them; with records to show they get a note
// saying the preview's fake leaves them out, never made-up figures.
import type { BlockDto } from './generated/BlockDto';
import type { ErrorDto } from './generated/ErrorDto';
import type { ReportDto } from './generated/ReportDto';
import type { ReportRequest } from './generated/ReportRequest';
import type { CheckinDto, JournalDto, RecordDto, RecordKind, SessionDto } from './index';
import { REPORT_SECTIONS, SECTION_HEADINGS, type ReportSection } from '../report';
import { bucketStart, series, type Bucket, type DatedCheckin, type Metric } from './fakeInsights';

/** The longest name printed on a report, and the most journal entries one report holds. */
export const NAME_MAX = 80;
export const ENTRIES_MAX = 200;

/** The sections this fake builds in full. */
export const FAKE_BUILT: readonly ReportSection[] = ['checkins', 'sessions', 'entries'];

/** The kinds each section the fake does not build reads, to tell "nothing there" apart. */
const READS: Partial<Record<ReportSection, RecordKind[]>> = {
  skills: ['skill-use'],
  attendance: ['schedule', 'occurrence'],
  questionnaires: ['assessment'],
  diary: ['diary-card'],
  thoughts: ['thought-record'],
  lapses: ['lapse'],
};

function invalid(field: string, reason: string): ErrorDto {
  return { code: 'InvalidInput', message: `${field}: ${reason}`, field, id: null, group: null, waitSeconds: null };
}

/** A request, checked, as `Options`. */
export interface ReportOptions {
  from: string;
  to: string;
  sections: ReportSection[];
  fullSessions: boolean;
  entries: string[];
  name: string;
  paper: 'a4' | 'letter';
}

const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `fields::date`: chrono's `%Y-%m-%d`, trimmed. */
function date(field: string, s: string): string {
  const m = /^(\d{1,4})-(\d{1,2})-(\d{1,2})$/.exec((s ?? '').trim());
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (!m || mo < 1 || mo > 12 || d < 1 || d > days) throw invalid(field, 'a date like 2026-11-30');
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
}

/** `ReportRequest::check`: every problem named by its field, in the engine's order. */
export function checkReport(req: ReportRequest): ReportOptions {
  const from = date('from', req.from);
  const to = date('to', req.to);
  if (to < from) throw invalid('to', 'the last day comes before the first');
  const chosen = new Set<ReportSection>();
  for (const s of req.sections ?? []) {
    const word = asciiLower(s.trim());
    if (!(REPORT_SECTIONS as readonly string[]).includes(word)) throw invalid('sections', `choose from ${REPORT_SECTIONS.join(', ')}`);
    chosen.add(word as ReportSection);
  }
  const sections = REPORT_SECTIONS.filter((s) => chosen.has(s));
  if (sections.length === 0) throw invalid('sections', 'choose at least one section');
  const notes = (req.sessionNotes ?? 'titles').trim();
  if (notes !== 'titles' && notes !== 'full') throw invalid('sessionNotes', 'choose titles or full');
  const paper = asciiLower((req.paper ?? 'a4').trim());
  if (paper !== 'a4' && paper !== 'letter') throw invalid('paper', 'choose a4 or letter');
  const name = (req.name ?? '').trim();
  if (/[\n\r]/.test(name)) throw invalid('name', 'a name is one line');
  if ([...name].length > NAME_MAX) throw invalid('name', `at most ${NAME_MAX} characters`);
  const ids = req.entries ?? [];
  if (ids.length > ENTRIES_MAX) throw invalid('entries', `at most ${ENTRIES_MAX} entries in one report`);
  const entries: string[] = [];
  for (const e of ids) {
    const t = e.trim();
    if (!/^[0-9a-fA-F]{32}$/.test(t)) throw invalid('entries', "an entry's id is 32 hexadecimal digits");
    const id = t.toLowerCase();
    if (!entries.includes(id)) entries.push(id);
  }
  return { from, to, sections, fullSessions: notes === 'full', entries, name, paper };
}

/** The error for a chosen id that is not a journal entry (missing, in the trash, another kind). */
export const noJournalEntry = (id: string) => invalid('entries', `no journal entry ${id}`);

// ---- Words and figures as the engine writes them ------------------------------------------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function utc(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

const daysBetween = (a: string, b: string) => Math.round((utc(b).getTime() - utc(a).getTime()) / 86_400_000);

/** `1 September 2026`. */
export function longDate(day: string): string {
  const d = utc(day);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** `5 check-ins on 4 of the 27 days.`; `1 check-in on this day.` (as the engine). */
function checkinsMade(n: number, days: number, span: number): string {
  const made = n === 1 ? '1 check-in' : `${n} check-ins`;
  return span === 1 ? `${made} on this day.` : `${made} on ${days} of the ${span} days.`;
}

/** `Mon 2 Nov 2026` (chrono's `%a %-d %b %Y`). */
export function shortDate(day: string): string {
  const d = utc(day);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()].slice(0, 3)} ${d.getUTCFullYear()}`;
}

/** Rust's `{:.1}`: the exact value rounded to a tenth, an exact half to the even tenth. Only a
 * quarter (x.25, x.75) is an exact half at the hundredths (`x * 4` is exact in binary);
 * `toFixed` rounds every other value from its exact value too. */
export function one(x: number): string {
  if (Number.isInteger(x * 4) && !Number.isInteger(x * 2)) {
    const down = Math.floor(x * 10);
    return ((down % 2 === 0 ? down : down + 1) / 10).toFixed(1);
  }
  return x.toFixed(1);
}

const capitalised = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : '');

const nothing = (): BlockDto => ({ type: 'paragraph', text: 'Nothing recorded between these dates.' });

// ---- The sections the fake builds ---------------------------------------------------------

/** Where `d` sits across the span, 0 to 1 (a bucket begun before the span at 0). */
function across(from: string, to: string, d: string): number {
  const span = daysBetween(from, to);
  if (span <= 0) return 0.5;
  return Math.min(Math.max(daysBetween(from, d) / span, 0), 1);
}

/** Days up to a month, weeks up to about half a year, months beyond. */
function bucketFor(o: ReportOptions): [Bucket, string] {
  const days = daysBetween(o.from, o.to) + 1;
  if (days <= 31) return ['day', 'Day'];
  if (days <= 190) return ['week', 'Week of'];
  return ['month', 'Month'];
}

/** `checkins`: `dated` oldest first. */
export function checkinBlocks(dated: { day: string; c: CheckinDto }[], o: ReportOptions, cravingLabel: string): BlockDto[] {
  if (dated.length === 0) return [nothing()];
  const days = dated.map((d) => d.day).filter((d, i, all) => i === 0 || all[i - 1] !== d);
  const blocks: BlockDto[] = [
    { type: 'paragraph', text: checkinsMade(dated.length, days.length, daysBetween(o.from, o.to) + 1) },
  ];
  const metrics: [Metric, string][] = [
    ['stress', 'Stress'],
    ['mood', 'Mood'],
    ['craving', capitalised(cravingLabel)],
  ];
  const rows: string[][] = [];
  for (const [m, name] of metrics) {
    const vals = dated.map((d) => d.c[m]).filter((v): v is number => v !== null && v !== undefined);
    if (vals.length === 0) continue;
    const sum = vals.reduce((a, b) => a + b, 0);
    rows.push([name, one(sum / vals.length), String(Math.min(...vals)), String(Math.max(...vals)), String(vals.length)]);
  }
  blocks.push({ type: 'table', caption: 'Each rated 0 to 10', header: ['', 'Average', 'Lowest', 'Highest', 'Ratings'], rows });
  const [bucket, per] = bucketFor(o);
  const forSeries: DatedCheckin[] = dated.map(({ day, c }) => ({ day, c }));
  // A measure never rated in the span has no line and no column (as the engine).
  const lines = metrics
    .map(([m, name]) => ({ name, points: series(forSeries, m, bucket, o.from, o.to) }))
    .filter((l) => l.points.length > 0);
  const starts = [...new Set(lines.flatMap((l) => l.points.map((p) => p.start)))].sort();
  const value = (l: (typeof lines)[number], s: string) => l.points.find((p) => p.start === s)?.mean ?? null;
  const count = (s: string) => dated.filter((d) => bucketStart(bucket, d.day) === s).length;
  const axisDay = (s: string) => {
    const d = utc(s);
    return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()].slice(0, 3)}`;
  };
  const label = (s: string) => {
    const d = utc(s);
    return bucket === 'month' ? `${MONTHS[d.getUTCMonth()].slice(0, 3)} ${d.getUTCFullYear()}` : axisDay(s);
  };
  const by = per.replace(/ of$/, '').toLowerCase();
  blocks.push({
    type: 'chart',
    title: `Average by ${by}`,
    alt: `A line chart of average ${lines.map((l) => l.name.toLowerCase()).join(', ')} by ${by}, on a scale of 0 to 10; the table below gives each figure.`,
    labels: starts.map(label),
    x: starts.map((s) => across(o.from, o.to, s)),
    ends: [axisDay(o.from), axisDay(o.to)],
    lines: lines.map((l) => ({ name: l.name, values: starts.map((s) => value(l, s)) })),
    max: 10,
  });
  blocks.push({
    type: 'table',
    caption: "The chart's figures",
    header: [per, ...lines.map((l) => l.name), 'Check-ins'],
    rows: starts.map((s) => [bucket === 'month' ? `${MONTHS[utc(s).getUTCMonth()]} ${utc(s).getUTCFullYear()}` : shortDate(s), ...lines.map((l) => {
      const v = value(l, s);
      return v === null ? '–' : one(v);
    }), String(count(s))]),
  });
  return blocks;
}

/** `sessions`: `notes` oldest first. */
export function sessionBlocks(notes: { day: string; s: SessionDto }[], full: boolean): BlockDto[] {
  if (notes.length === 0) return [nothing()];
  if (!full) {
    return [{ type: 'table', caption: '', header: ['Day', 'Session', 'Kind'], rows: notes.map(({ day, s }) => [shortDate(day), s.title, capitalised(s.sessionType)]) }];
  }
  const blocks: BlockDto[] = [];
  for (const { day, s } of notes) {
    blocks.push({ type: 'heading', text: `${shortDate(day)}: ${s.title}` });
    let about = capitalised(s.sessionType);
    if (s.facilitator.trim()) about += `, with ${s.facilitator.trim()}`;
    blocks.push({ type: 'note', text: about });
    if (s.notes.trim()) blocks.push({ type: 'paragraph', text: s.notes.trim() });
    if (s.takeaways.trim()) blocks.push({ type: 'paragraph', text: `What I took away: ${s.takeaways.trim()}` });
  }
  return blocks;
}

/** `entries`: the chosen journal entries, oldest first. */
export function journalBlocks(entries: { day: string; j: JournalDto }[]): BlockDto[] {
  const blocks: BlockDto[] = [];
  for (const { day, j } of entries) {
    const d = shortDate(day);
    blocks.push({ type: 'heading', text: j.title.trim() ? `${d}: ${j.title.trim()}` : d });
    if (j.prompt.trim()) blocks.push({ type: 'note', text: j.prompt.trim() });
    for (const para of j.text.split('\n\n').map((p) => p.trim()).filter(Boolean)) blocks.push({ type: 'paragraph', text: para });
  }
  return blocks.length ? blocks : [{ type: 'paragraph', text: 'No journal entries were chosen.' }];
}

/** What `homework` would show of a record: a session's homework or things to bring, an entry
 * or check-in marked to bring. */
function hasHomework(r: RecordDto): boolean {
  const b = r.body;
  if (b.kind === 'session') return b.homework.length > 0 || b.bring.length > 0;
  return (b.kind === 'journal' || b.kind === 'checkin') && b.bring;
}

/** The report from records in the span (`inSpan`, oldest first, not in the trash) and the chosen
 * entries (already checked, oldest first). */
export function buildReport(o: ReportOptions, inSpan: RecordDto[], chosen: RecordDto[], today: string, cravingLabel: string): ReportDto {
  const label = cravingLabel.trim() || 'craving';
  const sections = o.sections.map((id) => {
    let blocks: BlockDto[];
    if (id === 'checkins') {
      blocks = checkinBlocks(inSpan.flatMap((r) => (r.body.kind === 'checkin' ? [{ day: r.localDate, c: r.body }] : [])), o, label);
    } else if (id === 'sessions') {
      blocks = sessionBlocks(inSpan.flatMap((r) => (r.body.kind === 'session' ? [{ day: r.localDate, s: r.body }] : [])), o.fullSessions);
    } else if (id === 'entries') {
      blocks = journalBlocks(chosen.flatMap((r) => (r.body.kind === 'journal' ? [{ day: r.localDate, j: r.body }] : [])));
    } else {
      const kinds = READS[id] ?? [];
      const any = inSpan.some((r) => (id === 'homework' ? hasHomework(r) : kinds.includes(r.body.kind)));
      blocks = any ? [{ type: 'note', text: 'The preview without the engine does not build this section.' }] : [nothing()];
    }
    return { id, heading: SECTION_HEADINGS[id], blocks };
  });
  return {
    title: 'Keel report',
    range: `${longDate(o.from)} to ${longDate(o.to)}`,
    name: o.name ? o.name : null,
    prepared: `Prepared by the client with Keel on ${longDate(today)}.`,
    paper: o.paper,
    sections,
  };
}

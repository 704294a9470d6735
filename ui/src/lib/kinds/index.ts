// The one registry of record kinds in the UI. Each kind lives in its own folder (labels, fields
// component, empty body, summary, search text, tags); this file only lists them.
//
// The registry is typed as a mapped type over the generated `RecordKind` union: a kind the engine
// exports without UI support here fails `npm run check`.
import { labelOverrides } from './overrides.svelte';
import type { BodyDto, RecordDto, RecordKind } from '../backend';
import type { KindEditor, KindUi } from './types';
import { checkin } from './checkin';
import { skillUse } from './skillUse';
import { session } from './session';
import { journal } from './journal';
import { skill } from './skill';
import { tracker } from './tracker';
import { clock } from './clock';
import { lapse } from './lapse';
import { crisisPlan } from './crisisPlan';
import { morning } from './morning';
import { evening } from './evening';
import { schedule } from './schedule';
import { occurrence } from './occurrence';
import { goal } from './goal';
import { stepDown } from './stepDown';
import { assessment } from './assessment';
import { diaryCard } from './diaryCard';
import { diarySetup } from './diarySetup';
import { reportSetup } from './reportSetup';
import { thoughtRecord } from './thoughtRecord';
import { unknown } from './unknown';

export type { Body, FieldsProps, KindEditor, KindUi } from './types';
export { choices, firstLine, isOneOf, keysOf, splitList } from './shared';
export { CONTEXT_LABEL, HALT_LABEL, emptyCheckin } from './checkin';
export { emptySkillUse } from './skillUse';
export { SESSION_TYPE_LABEL, emptySession } from './session';
export { emptyJournal } from './journal';
export { SKILL_CATEGORY_LABEL } from './skill';
export { ANSWER_LABEL, shownAnswer, trackerWords } from './tracker';
export { milestoneWords, runWords } from './clock';
export { emptyLapse } from './lapse';
export { emptyCrisisPlan } from './crisisPlan';
export { emptyMorning } from './morning';
export { emptyEvening } from './evening';
export { ATTENDANCE_LABEL } from './occurrence';
export { KEPT_NOTE } from './unknown';
export { instrumentName } from './assessment';
export { cardDay, emptyDiaryCard } from './diaryCard';
export { defaultDiarySetup } from './diarySetup';
export { changeWords, emptyThoughtRecord, moodChange } from './thoughtRecord';

const registry = {
  checkin,
  'skill-use': skillUse,
  session,
  journal,
  skill,
  tracker,
  clock,
  lapse,
  'crisis-plan': crisisPlan,
  morning,
  evening,
  schedule,
  occurrence,
  goal,
  'step-down': stepDown,
  assessment,
  'diary-card': diaryCard,
  'diary-setup': diarySetup,
  'thought-record': thoughtRecord,
  'report-setup': reportSetup,
  unknown,
} satisfies { [K in RecordKind]: KindUi<K> };

export const KINDS: { readonly [K in RecordKind]: KindUi<K> } = registry;

type Registry = typeof registry;

/** Kinds the timeline shows: what the engine lists when no kind is asked for. */
export type EntryKind = { [K in RecordKind]: Registry[K] extends { entry: true } ? K : never }[RecordKind];

/** Entry kinds the editor writes (a record from a newer Keel is an entry, but not one of these). */
export type EditableKind = {
  [K in RecordKind]: Registry[K] extends { entry: true; editor: object } ? K : never;
}[RecordKind];

/** Every kind, in the registry's order. */
export const ALL_KINDS = Object.keys(KINDS) as RecordKind[];

export function isEntry(kind: RecordKind): kind is EntryKind {
  return KINDS[kind].entry;
}

export function isEditable(kind: RecordKind): kind is EditableKind {
  return KINDS[kind].entry && KINDS[kind].editor !== undefined;
}

/** The timeline's kinds, in order. */
export const TIMELINE_KINDS: EntryKind[] = ALL_KINDS.filter(isEntry);

/** The kinds one can write as a new entry (History's Kind filter, Today's New buttons). */
export const ENTRY_KINDS: EditableKind[] = ALL_KINDS.filter(isEditable);

/** Today's New buttons, in order: the kinds offered from Today (a lapse is logged from its
 * clock), with the morning intention first before noon and the evening review first from 5 pm. */
export function todayKinds(hour: number): EditableKind[] {
  const kinds = ENTRY_KINDS.filter((k) => editorOf(k).fromToday !== false);
  const first: EditableKind | null = hour < 12 ? 'morning' : hour >= 17 ? 'evening' : null;
  return first && kinds.includes(first) ? [first, ...kinds.filter((k) => k !== first)] : kinds;
}

/** The editor of an editable kind. */
export function editorOf(kind: EditableKind): KindEditor<EditableKind> {
  // Each editable kind has an editor for its own body; the editor is picked by the body's
  // kind, so widening to the union here is sound.
  return registry[kind].editor as unknown as KindEditor<EditableKind>;
}

/** The UI of a body's kind, typed for that body. */
function uiOf(body: BodyDto): KindUi<RecordKind> {
  // `KINDS[body.kind]` handles exactly this body's kind; TypeScript cannot correlate the two.
  return KINDS[body.kind] as unknown as KindUi<RecordKind>;
}

export function kindLabel(kind: RecordKind): string {
  if (kind === 'session' && labelOverrides.session) return labelOverrides.session;
  return KINDS[kind].label;
}

export function kindIcon(kind: RecordKind): string {
  return KINDS[kind].icon;
}

/** A short line describing a record (no more than its own words). */
export function summary(r: RecordDto): string {
  return uiOf(r.body).summary(r.body);
}

/** A body's text as the engine searches it: its text fields joined with "\n", lower-cased. */
export function searchText(b: BodyDto): string {
  return uiOf(b).text(b).toLowerCase();
}

/** The words the Tag filter matches. */
export function bodyTags(b: BodyDto): string[] {
  return uiOf(b).tags(b);
}

/** All the words of a record, one field after another, for search snippets. */
export function recordText(r: RecordDto): string {
  return uiOf(r.body)
    .text(r.body)
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' · ');
}

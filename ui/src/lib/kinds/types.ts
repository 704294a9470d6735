// What the UI knows about one record kind. Each kind fills this in once, in its own folder
// (`kinds/<kind>/index.ts`); `kinds/index.ts` gathers them into the one registry.
import type { Component } from 'svelte';
import type { BodyDto, RecordDto, RecordKind } from '../backend';
import type { AppState } from '../app.svelte';

/** The body of one kind, e.g. `Body<'checkin'>`. */
export type Body<K extends RecordKind> = Extract<BodyDto, { kind: K }>;

/** What every fields component takes: the body it edits (bound) and the skill library. */
export interface FieldsProps<K extends RecordKind> {
  body: Body<K>;
  /** The visible coping skills, for kinds that pick one (others ignore it). */
  skills: RecordDto[];
}

/** How to write a kind in the editor. */
export interface KindEditor<K extends RecordKind> {
  /** The kind's inputs. Each input carries `data-field="<boundary name>"`, so an error from
   * the engine that names a field can put the focus on it. */
  readonly fields: Component<FieldsProps<K>>;
  /** A new, empty body. */
  empty(): Body<K>;
  /** The button on Today that starts a new one ("Detailed check-in"). */
  readonly newLabel: string;
  /** Its fields pick from the skill library (the editor loads it for them). */
  readonly usesSkills?: boolean;
  /** Offered among Today's "New" buttons (default yes). A lapse is logged from its clock. */
  readonly fromToday?: boolean;
  /** What the app shows once a new one is saved (a lapse: a kind word on Today). */
  afterAdd?(app: AppState): void;
}

export interface KindUi<K extends RecordKind> {
  /** Its name in lists and headings ("Check-in"). */
  readonly label: string;
  /** A one-character mark shown beside it in lists. */
  readonly icon: string;
  /** Entries are what the timeline shows (History, Search, Today, Trash), as in the engine;
   * the rest (the skill library) is reference. */
  readonly entry: boolean;
  /** Absent for a kind the editor does not write: skills have their own screen, and a record
   * from a newer Keel is never changed here. */
  readonly editor?: KindEditor<K>;
  /** For a kind with its own screen instead of an editor (a questionnaire): how a saved one reads
   * when it is opened from a list (History, Search, Today), in place of the editor. */
  readonly view?: Component<{ record: RecordDto }>;
  /** One line, in the person's own words. */
  summary(body: Body<K>): string;
  /** Every text field the engine searches, in its order, joined with "\n" (not lower-cased).
   * The engine's search haystack is exactly this, lower-cased. */
  text(body: Body<K>): string;
  /** The words the Tag filter matches (the engine compares them ignoring case). */
  tags(body: Body<K>): string[];
}

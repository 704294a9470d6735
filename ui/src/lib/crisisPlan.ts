// The crisis plan's words and helpers, shared by its screen (views/Plan.svelte) and the lock
// screen's read-only copy (views/Unlock.svelte). The sections are in Keel's own words: published
// safety-plan forms are copyrighted, so none of their wording is used here.
import type { Backend, Contact, CrisisPlanDto, RecordDto } from './backend';
import { listQuery } from './backend';
import type { Body } from './kinds';

export type ListKey = 'warningSigns' | 'onMyOwn' | 'takeMyMindOff' | 'saferSurroundings' | 'reasons';
export type ContactKey = 'people' | 'professionals';

export type PlanSection =
  | { list: ListKey; heading: string; hint: string }
  | { contacts: ContactKey; heading: string; hint: string; one: string };

/** The plan's sections, in the order a hard moment goes through them. */
export const PLAN_SECTIONS: PlanSection[] = [
  {
    list: 'warningSigns',
    heading: 'Signs a hard time is starting',
    hint: 'Thoughts, feelings, places or things I start doing that tell me it is getting hard.',
  },
  {
    list: 'onMyOwn',
    heading: 'Things I can do on my own',
    hint: 'Small things that have helped me before, that need nobody else.',
  },
  {
    list: 'takeMyMindOff',
    heading: 'People and places that take my mind off things',
    hint: 'Someone to be around, somewhere to go, without having to talk about it.',
  },
  {
    contacts: 'people',
    heading: 'People I can ask for help',
    hint: 'Someone I trust to tell that I am having a hard time.',
    one: 'person',
  },
  {
    contacts: 'professionals',
    heading: 'Professionals and lines open any hour',
    hint: 'My counsellor, my programme’s on-call number, a line I can call at night.',
    one: 'line',
  },
  {
    list: 'saferSurroundings',
    heading: 'Making my surroundings safer',
    hint: 'What I can put away, hand to someone, or keep out of reach for now.',
  },
  {
    list: 'reasons',
    heading: 'My reasons to keep going',
    hint: 'People, plans, and things that matter to me.',
  },
];

export const LIST_KEYS: ListKey[] = ['warningSigns', 'onMyOwn', 'takeMyMindOff', 'saferSurroundings', 'reasons'];
export const CONTACT_KEYS: ContactKey[] = ['people', 'professionals'];

/** A line a person can add to their plan with one click. Never added by itself. */
export interface SuggestedLine {
  id: string;
  /** Where the line answers. */
  region: string;
  name: string;
  phone: string;
  note: string;
}

/** National lines, each as listed on its own public page (the source is beside each). Keel never
 * calls them; the person checks which one serves where they are. */
export const SUGGESTED_LINES: SuggestedLine[] = [
  // Source: https://988lifeline.org/ — call or text 988; free, confidential, any hour.
  { id: 'us-988', region: 'United States', name: '988 Suicide & Crisis Lifeline', phone: '988', note: 'Call or text, any hour' },
  // Source: https://www.samhsa.gov/find-help/national-helpline — 1-800-662-HELP (4357): free,
  // confidential treatment referral and information, 24/7, in English and Spanish.
  { id: 'us-samhsa', region: 'United States', name: 'SAMHSA National Helpline', phone: '1-800-662-4357', note: 'Treatment referral and information, any hour' },
  // Source: https://www.samaritans.org/ — 116 123, free to call, day or night (UK and Republic
  // of Ireland).
  { id: 'uk-ie-samaritans', region: 'UK and Ireland', name: 'Samaritans', phone: '116 123', note: 'Free, any hour' },
  // Source: https://988.ca/ — call or text 9-8-8, any hour, in English and French.
  { id: 'ca-988', region: 'Canada', name: '9-8-8 Suicide Crisis Helpline', phone: '9-8-8', note: 'Call or text, any hour' },
  // Source: https://www.lifeline.org.au/ — 13 11 14, crisis support any hour.
  { id: 'au-lifeline', region: 'Australia', name: 'Lifeline', phone: '13 11 14', note: 'Any hour' },
];

/** Whether this line is already among these contacts, by its name (the same digits can be
 * another country's line: 988 in the United States, 9-8-8 in Canada). */
export function hasLine(contacts: Contact[], line: SuggestedLine): boolean {
  return contacts.some((c) => c.name.trim().toLowerCase() === line.name.toLowerCase());
}

/** A line as a contact in the plan. */
export function lineContact(line: SuggestedLine): Contact {
  return { name: line.name, phone: line.phone, note: line.note };
}

export function emptyPlan(): CrisisPlanDto {
  return { warningSigns: [], onMyOwn: [], takeMyMindOff: [], people: [], professionals: [], saferSurroundings: [], reasons: [] };
}

/** The plan of a record's body, without its kind (what the lock screen's copy holds). */
export function planOf(body: Body<'crisis-plan'>): CrisisPlanDto {
  return {
    warningSigns: [...body.warningSigns],
    onMyOwn: [...body.onMyOwn],
    takeMyMindOff: [...body.takeMyMindOff],
    people: body.people.map((c) => ({ ...c })),
    professionals: body.professionals.map((c) => ({ ...c })),
    saferSurroundings: [...body.saferSurroundings],
    reasons: [...body.reasons],
  };
}

export function isEmptyPlan(p: CrisisPlanDto): boolean {
  return LIST_KEYS.every((k) => p[k].length === 0) && CONTACT_KEYS.every((k) => p[k].length === 0);
}

/** The person's plan: the newest crisis-plan record, or null before the first save. */
export async function loadPlan(backend: Backend): Promise<(RecordDto & { body: Body<'crisis-plan'> }) | null> {
  const page = await backend.listRecords(listQuery({ kinds: ['crisis-plan'], limit: 1 }));
  const r = page.records[0];
  return r && r.body.kind === 'crisis-plan' ? (r as RecordDto & { body: Body<'crisis-plan'> }) : null;
}

/** One item a line, as the plan's lists are edited (blank lines are dropped by the engine). */
export const linesOf = (list: string[]) => list.join('\n');
export const listOf = (text: string) => text.split('\n');

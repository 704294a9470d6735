// What the UI knows about record kinds: names, empty bodies, one-line summaries, full text.
import type {
  BodyDto,
  CheckinDto,
  JournalDto,
  RecordDto,
  SessionDto,
  SkillDto,
  SkillUseDto,
} from './backend';

export type EntryKind = 'checkin' | 'skill-use' | 'session' | 'journal';
export const ENTRY_KINDS: EntryKind[] = ['checkin', 'skill-use', 'session', 'journal'];

export const KIND_LABEL: Record<BodyDto['kind'], string> = {
  checkin: 'Check-in',
  'skill-use': 'Coping skill',
  session: 'Session note',
  journal: 'Journal',
  skill: 'Skill',
};

export const KIND_ICON: Record<BodyDto['kind'], string> = {
  checkin: '◔',
  'skill-use': '❋',
  session: '▤',
  journal: '✎',
  skill: '❋',
};

export const SESSION_TYPES: [string, string][] = [
  ['individual', 'Individual'],
  ['group', 'Group'],
  ['psychoeducation', 'Psychoeducation'],
  ['skills', 'Skills group'],
  ['family', 'Family'],
  ['medication', 'Medication management'],
  ['peer', 'Peer meeting'],
  ['other', 'Other'],
];

export const CONTEXTS = ['work', 'home', 'commute', 'social', 'other'];

export const SKILL_CATEGORIES: [string, string][] = [
  ['distress-tolerance', 'Distress tolerance'],
  ['emotion-regulation', 'Emotion regulation'],
  ['mindfulness', 'Mindfulness'],
  ['interpersonal', 'Interpersonal'],
  ['grounding', 'Grounding'],
  ['body', 'Body'],
  ['connection', 'Connection'],
];

export function categoryLabel(c: string): string {
  return SKILL_CATEGORIES.find(([k]) => k === c)?.[1] ?? c;
}

export function sessionTypeLabel(t: string): string {
  return SESSION_TYPES.find(([k]) => k === t)?.[1] ?? t;
}

export type Body<K extends BodyDto['kind']> = Extract<BodyDto, { kind: K }>;

export function emptyCheckin(): Body<'checkin'> {
  return {
    kind: 'checkin',
    stress: 0,
    mood: null,
    craving: null,
    sleepHours: null,
    halt: { hungry: false, angry: false, lonely: false, tired: false },
    emotions: [],
    triggers: [],
    context: null,
    note: '',
  };
}

export function emptySkillUse(): Body<'skill-use'> {
  return {
    kind: 'skill-use',
    skillId: null,
    skillName: '',
    situation: '',
    distressBefore: 5,
    distressAfter: 5,
    urgeBefore: null,
    urgeAfter: null,
    minutes: null,
    note: '',
  };
}

export function emptySession(): Body<'session'> {
  return {
    kind: 'session',
    sessionType: 'group',
    title: '',
    facilitator: '',
    notes: '',
    takeaways: '',
    homework: [],
    bring: [],
    attended: true,
  };
}

export function emptyJournal(): Body<'journal'> {
  return { kind: 'journal', title: '', prompt: '', text: '', tags: [] };
}

export function emptyBody(kind: EntryKind): BodyDto {
  switch (kind) {
    case 'checkin':
      return emptyCheckin();
    case 'skill-use':
      return emptySkillUse();
    case 'session':
      return emptySession();
    case 'journal':
      return emptyJournal();
  }
}

const HALT_NAMES: [keyof CheckinDto['halt'], string][] = [
  ['hungry', 'Hungry'],
  ['angry', 'Angry'],
  ['lonely', 'Lonely'],
  ['tired', 'Tired'],
];
export { HALT_NAMES };

function haltWords(c: CheckinDto): string {
  return HALT_NAMES.filter(([k]) => c.halt[k])
    .map(([, n]) => n)
    .join(', ');
}

/** A short line describing a record (no more than its own words). */
export function summary(r: RecordDto): string {
  const b = r.body;
  switch (b.kind) {
    case 'checkin': {
      const bits = [`Stress ${b.stress}`];
      if (b.mood !== null) bits.push(`mood ${b.mood}`);
      if (b.craving !== null) bits.push(`craving ${b.craving}`);
      const h = haltWords(b);
      if (h) bits.push(h);
      return bits.join(' · ') + (b.note ? ` — ${b.note}` : '');
    }
    case 'skill-use':
      return `${b.skillName || 'Skill'} · distress ${b.distressBefore} → ${b.distressAfter}${
        b.situation ? ` — ${b.situation}` : ''
      }`;
    case 'session':
      return `${sessionTypeLabel(b.sessionType)}${b.title ? `: ${b.title}` : ''}${
        b.attended ? '' : ' (missed)'
      }`;
    case 'journal':
      return b.title || b.text.slice(0, 120) || 'Untitled entry';
    case 'skill':
      return b.name;
  }
}

/** All the words of a record, for search snippets. */
export function recordText(r: RecordDto): string {
  const b = r.body;
  switch (b.kind) {
    case 'checkin':
      return [b.note, ...b.emotions, ...b.triggers, b.context ?? ''].filter(Boolean).join(' · ');
    case 'skill-use':
      return [b.skillName, b.situation, b.note].filter(Boolean).join(' · ');
    case 'session':
      return [
        b.title,
        b.facilitator,
        b.notes,
        b.takeaways,
        ...b.homework.map((i) => i.text),
        ...b.bring.map((i) => i.text),
      ]
        .filter(Boolean)
        .join(' · ');
    case 'journal':
      return [b.title, b.prompt, b.text, ...b.tags].filter(Boolean).join(' · ');
    case 'skill':
      return [b.name, b.howTo].join(' · ');
  }
}

export function recordTags(r: RecordDto): string[] {
  const b = r.body;
  if (b.kind === 'journal') return b.tags;
  if (b.kind === 'checkin') return [...b.emotions, ...b.triggers];
  return [];
}

/** Comma- or newline-separated words to a clean list. */
export function splitList(s: string): string[] {
  return s
    .split(/[,\n]/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

export type { CheckinDto, JournalDto, SessionDto, SkillDto, SkillUseDto };

// Backend error codes in plain, calm words. The UI switches on the code, never on the message.
import { isErrorDto, type ErrorCode, type ErrorDto } from './backend';

export type { ErrorCode };

/** Words for the fields the engine names (its camelCase boundary names). */
const FIELD_NAMES: Record<string, string> = {
  // Passphrases and settings
  passphrase: 'Passphrase',
  newPassphrase: 'New passphrase',
  new: 'New passphrase',
  current: 'Current passphrase',
  recoveryKey: 'Recovery key',
  autoLockMinutes: 'Auto-lock minutes',
  theme: 'Theme',
  // Backups
  folder: 'Backup folder',
  file: 'Backup',
  // Reminders
  checkinTimes: 'Check-in reminder times',
  sessionMinutesBefore: 'Reminder before a session',
  checkinText: 'Check-in reminder words',
  sessionText: 'Session reminder words',
  questionnaireTime: 'Questionnaire reminder time',
  questionnaireText: 'Questionnaire reminder words',
  // Any record
  at: 'When',
  kind: 'Kind',
  id: 'Entry',
  // Check-in
  stress: 'Stress',
  mood: 'Mood',
  craving: 'Craving',
  sleepHours: 'Sleep hours',
  halt: 'HALT',
  emotions: 'Emotions',
  triggers: 'Triggers',
  context: 'Where you were',
  note: 'Note',
  meals: 'Meals',
  caffeine: 'Caffeinated drinks',
  trackers: 'Your trackers',
  // Coping skill used
  skillName: 'Skill',
  skillId: 'Skill',
  situation: 'Situation',
  distressBefore: 'Distress before',
  distressAfter: 'Distress after',
  urgeBefore: 'Urge before',
  urgeAfter: 'Urge after',
  minutes: 'Minutes',
  // Session note
  sessionType: 'Session type',
  title: 'Title',
  facilitator: 'Facilitator',
  notes: 'Notes',
  takeaways: 'Takeaways',
  homework: 'Homework',
  bring: 'Bring to next session',
  // Journal
  prompt: 'Prompt',
  text: 'Text',
  tags: 'Tags',
  // Skill in the library
  name: 'Name',
  category: 'Category',
  howTo: 'How to do it',
  // One of the person's own trackers
  answer: 'Answered with',
  unit: 'Unit',
  // Morning intention, evening review
  intention: 'Intention',
  oneStep: 'One small step',
  wentWell: 'What went well',
  wasHard: 'What was hard',
  peakStress: 'Peak stress',
  grateful: 'Grateful for',
  // Urge surfing (a coping-skill use)
  urgeAlong: 'Urge along the way',
  // A questionnaire
  instrument: 'Questionnaire',
  answers: 'Answers',
  difficulty: 'How difficult',
  // The crisis plan
  warningSigns: 'Signs a hard time is starting',
  onMyOwn: 'Things to do on my own',
  takeMyMindOff: 'People and places that take my mind off things',
  people: 'People to ask for help',
  professionals: 'Professionals and lines',
  saferSurroundings: 'Making my surroundings safer',
  reasons: 'My reasons to keep going',
  // Goals, the step-down plan, the schedule
  why: 'Why it matters',
  steps: 'Steps',
  target: 'Target date',
  phases: 'Phases',
  first: 'First day',
  start: 'Start time',
  weekdays: 'Days',
  place: 'Place',
  slot: 'Session',
  slotTitle: 'Session',
  date: 'Day',
  movedTo: 'Moved to',
  attendance: 'Attendance',
  sessionNote: 'Session note',
  // The diary card and what it tracks
  urges: 'Urges',
  skills: 'Skills practised',
  skillsRating: 'Skills use',
  medication: 'Medication',
  targets: 'Urges to track',
  // The thought record
  moods: 'Moods',
  thoughts: 'Automatic thoughts',
  evidenceFor: 'What supports the hot thought',
  evidenceAgainst: "What doesn't fit it",
  balanced: 'Balanced thought',
  belief: 'How much I believe it',
  // Lists and search
  since: 'From',
  until: 'To',
  tag: 'Tag',
  // The counsellor report
  from: 'From',
  to: 'To',
  sections: 'What to include',
  sessionNotes: 'Session notes',
  paper: 'Paper',
  entries: 'Journal entries',
};

export function fieldName(field: string | null | undefined): string {
  if (!field) return 'One of the fields';
  return FIELD_NAMES[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

/** The engine's reason, without the `field: ` it starts with. */
function reasonOf(e: ErrorDto): string {
  const reason = e.field && e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message;
  return reason === 'required' ? 'please fill this in' : reason;
}

/** Every code the engine has, in words. A `Record` over the generated union, so a code the engine
 * adds without words here fails `npm run check`. */
const MESSAGES: Record<ErrorCode, (e: ErrorDto) => string> = {
  WrongPassphrase: () =>
    "That passphrase doesn't open this journal. Check Caps Lock and try again.",
  WrongRecoveryKey: () =>
    "That recovery key doesn't open this journal. Check it against your copy.",
  RecoveryKeyMistyped: (e) =>
    e.group
      ? `Group ${e.group} of the recovery key looks mistyped. Check it against your copy.`
      : 'Part of the recovery key looks mistyped. Check it against your copy.',
  TryAgainLater: (e) =>
    `That's a few tries in a row, so Keel waits a little before the next one. You can try again in ${e.waitSeconds ?? 1} ${e.waitSeconds === 1 ? 'second' : 'seconds'}.`,
  VaultLocked: () => 'Keel is locked. Unlock it to go on.',
  VaultInUse: () => 'Keel is busy in another window or command. Try again in a moment.',
  VaultMissing: () => "There's no journal here yet. Create one to begin.",
  VaultExists: () => 'A journal already exists here. Unlock it instead.',
  VaultFromNewerVersion: () =>
    'This journal was saved by a newer version of Keel. Update Keel to open it; nothing was changed.',
  VaultDamaged: () =>
    "The journal file looks damaged, so Keel won't change it. Restore it from a backup if you have one.",
  WeakKdfParameters: () =>
    'The journal file asks for weaker protection than Keel allows, so Keel refused to open it.',
  RecordTampered: () =>
    "This entry couldn't be opened: it was changed outside Keel. Your other entries are fine.",
  RecordFromNewerVersion: () =>
    'This entry was saved by a newer version of Keel. It is kept as it is; update Keel to change it.',
  NotFound: () => "That entry isn't there any more. It may have been deleted.",
  AmbiguousId: () => 'That id matches more than one entry.',
  InvalidInput: (e) => `${fieldName(e.field)}: ${reasonOf(e) || 'please check this value'}.`.replace(/\.\.$/, '.'),
  SqliteTooOld: () => "This computer's database library is too old for Keel. Update Keel.",
  Io: () => "Keel couldn't read or write its file. Check the disk has space and try again.",
  Database: () => 'Keel had a problem with its database. Your entries were not changed; try again.',
};

/** Every error code, in the engine's order. */
export const ERROR_CODES = Object.keys(MESSAGES) as ErrorCode[];

export const GENERIC_MESSAGE = 'Something went wrong. Please try again.';

export function isKnownCode(code: string): code is ErrorCode {
  return Object.hasOwn(MESSAGES, code);
}

/** Plain words for anything a backend call rejected with. Never quotes entry text. */
export function errorMessage(e: unknown): string {
  if (isErrorDto(e) && isKnownCode(e.code)) return MESSAGES[e.code](e);
  return GENERIC_MESSAGE;
}

export function errorCode(e: unknown): string | null {
  return isErrorDto(e) ? e.code : null;
}

/** The boundary name of the field an `InvalidInput` error is about, if any. */
export function invalidField(e: unknown): string | null {
  return isErrorDto(e) && e.code === 'InvalidInput' ? e.field : null;
}

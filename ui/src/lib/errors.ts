// Backend error codes in plain, calm words. The UI switches on the code, never on the message.
import { isErrorDto, type ErrorDto } from './backend';

export const ERROR_CODES = [
  'WrongPassphrase',
  'WrongRecoveryKey',
  'RecoveryKeyMistyped',
  'VaultLocked',
  'VaultInUse',
  'VaultMissing',
  'VaultExists',
  'VaultFromNewerVersion',
  'VaultDamaged',
  'WeakKdfParameters',
  'RecordTampered',
  'NotFound',
  'AmbiguousId',
  'InvalidInput',
  'SqliteTooOld',
  'Io',
  'Database',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const FIELD_NAMES: Record<string, string> = {
  passphrase: 'Passphrase',
  newPassphrase: 'New passphrase',
  new: 'New passphrase',
  current: 'Current passphrase',
  recoveryKey: 'Recovery key',
  stress: 'Stress',
  mood: 'Mood',
  craving: 'Craving',
  sleepHours: 'Sleep hours',
  context: 'Context',
  distressBefore: 'Distress before',
  distressAfter: 'Distress after',
  urgeBefore: 'Urge before',
  urgeAfter: 'Urge after',
  minutes: 'Minutes',
  skillName: 'Skill',
  sessionType: 'Session type',
  category: 'Category',
  name: 'Name',
  at: 'Date and time',
  autoLockMinutes: 'Auto-lock minutes',
  theme: 'Theme',
};

export function fieldName(field: string | null | undefined): string {
  if (!field) return 'One of the fields';
  return FIELD_NAMES[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

const MESSAGES: Record<ErrorCode, (e: ErrorDto) => string> = {
  WrongPassphrase: () =>
    "That passphrase doesn't open this journal. Check Caps Lock and try again.",
  WrongRecoveryKey: () =>
    "That recovery key doesn't open this journal. Check it against your copy.",
  RecoveryKeyMistyped: (e) =>
    e.group
      ? `Group ${e.group} of the recovery key looks mistyped. Check it against your copy.`
      : 'Part of the recovery key looks mistyped. Check it against your copy.',
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
  NotFound: () => "That entry isn't there any more. It may have been deleted.",
  AmbiguousId: () => 'That id matches more than one entry.',
  InvalidInput: (e) => {
    const reason = e.field && e.message.startsWith(`${e.field}: `)
      ? e.message.slice(e.field.length + 2)
      : e.message;
    return `${fieldName(e.field)}: ${reason || 'please check this value'}.`.replace(/\.\.$/, '.');
  },
  SqliteTooOld: () => "This computer's database library is too old for Keel. Update Keel.",
  Io: () => "Keel couldn't read or write its file. Check the disk has space and try again.",
  Database: () => 'Keel had a problem with its database. Your entries were not changed; try again.',
};

export const GENERIC_MESSAGE = 'Something went wrong. Please try again.';

export function isKnownCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

/** Plain words for anything a backend call rejected with. Never quotes entry text. */
export function errorMessage(e: unknown): string {
  if (isErrorDto(e) && isKnownCode(e.code)) return MESSAGES[e.code](e);
  return GENERIC_MESSAGE;
}

export function errorCode(e: unknown): string | null {
  return isErrorDto(e) ? e.code : null;
}

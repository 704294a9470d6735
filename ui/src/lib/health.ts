// The words for what the engine found about the journal file: entries that did not open, rows
// too damaged to read, a set of entries that is not the one Keel saved. Shared by the notice on
// Today and the Check screen. Plain and calm: the user is told what happened and what to do.
import type { VaultHealthDto } from './backend';

/** Whether what the engine found at unlock is worth telling the user about. */
export function needsCare(h: VaultHealthDto | null): h is VaultHealthDto {
  return !!h && (h.damaged > 0 || h.malformedRows > 0 || !h.manifestOk || !h.recoveryKeyOk);
}

const n = (x: number) => x.toLocaleString();

export const NOTICE_TITLE = 'Some of your journal was changed outside Keel';

export function notOpened(count: number): string {
  return count === 1 ? "1 entry couldn't be opened." : `${n(count)} entries couldn't be opened.`;
}

export function unreadable(count: number): string {
  return count === 1 ? "1 part of the file couldn't be read at all." : `${n(count)} parts of the file couldn't be read at all.`;
}

export const SET_CHANGED =
  "The set of entries isn't the one Keel last saved: an entry may have been removed, duplicated or put back from an older copy.";

export const SET_OK = 'The set of entries is the one Keel last saved.';

export const RECOVERY_CHANGED =
  'The part of the file that holds your recovery key was changed, so that key may no longer open your journal. Your passphrase still does.';

export const RECOVERY_OK = 'Your recovery key is the one Keel last saved.';

export function checked(count: number): string {
  return `Checked ${n(count)} saved ${count === 1 ? 'item' : 'items'} (your entries and coping skills).`;
}

/** An entry that did not open, by the first 8 hex digits of its id (all Keel can show). */
export const shortId = (id: string) => id.slice(0, 8);

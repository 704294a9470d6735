// Settings › Backups over the fake backend: a folder chosen (and a cancelled dialog changing
// nothing), a backup made now and shown as today's, a calm word when none was made for a week or
// the automatic one could not be written, and a restore: the backup checked with the passphrase
// it was made with, a preview of what it holds, then Keel locked and opened with that passphrase
// on the journal as it was then.
import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import type { FakeBackend } from '../backend/fake';
import { emptyJournal } from '../kinds';
import { listQuery, type BodyDto } from '../backend';
import { openUnlocked, PASS } from '../../tests/unlocked';

beforeAll(async () => {
  await import('./Shell.svelte');
}, 30_000);

const FOLDER = '/media/usb/Keel backups';
const journal = (text: string) => ({ ...emptyJournal(), text }) as BodyDto;

async function openBackups(before: (fake: FakeBackend) => void = () => {}) {
  const opened = await openUnlocked();
  before(opened.fake);
  await opened.user.click(screen.getByRole('button', { name: 'Settings' }));
  const card = (await screen.findByRole('heading', { name: 'Backups' })).closest('section') as HTMLElement;
  return { ...opened, card };
}

async function texts(fake: FakeBackend): Promise<string[]> {
  const { records } = await fake.listRecords(listQuery({ kinds: ['journal'] }));
  return records.map((r) => (r.body.kind === 'journal' ? r.body.text : '')).sort();
}

describe('Settings › Backups', () => {
  it('says what backups are, and a chosen folder shows; a cancelled dialog changes nothing', async () => {
    const { fake, user, card } = await openBackups((f) => (f.folderDialog = null));
    expect(card).toHaveTextContent('still locked with your passphrase');
    expect(card).toHaveTextContent('No folder chosen yet.');
    expect(within(card).getByRole('button', { name: 'Back up now' }), 'no folder, nowhere to write').toBeDisabled();

    await user.click(within(card).getByRole('button', { name: 'Choose folder…' }));
    expect(fake.backupFolder, 'cancel chose nothing').toBe('');
    expect(card).toHaveTextContent('No folder chosen yet.');

    fake.folderDialog = FOLDER;
    await user.click(within(card).getByRole('button', { name: 'Choose folder…' }));
    expect(await within(card).findByText(FOLDER)).toBeInTheDocument();
    expect(fake.backupFolder).toBe(FOLDER);
    expect(card).not.toHaveTextContent('No folder chosen yet.');
    expect(card, 'a folder and no backup yet: a calm word').toHaveTextContent('No backup yet.');
    expect(within(card).getByRole('button', { name: 'Back up now' })).toBeEnabled();

    // Cancelling now keeps the folder chosen before.
    fake.folderDialog = null;
    await user.click(within(card).getByRole('button', { name: 'Choose folder…' }));
    expect(fake.backupFolder).toBe(FOLDER);
    expect(within(card).getByText(FOLDER)).toBeInTheDocument();
  });

  it('backs up now: a backup in the list, checked today, and the calm word gone', async () => {
    const { fake, user, card } = await openBackups((f) => (f.backupFolder = FOLDER));
    expect(within(card).getByText('None yet.')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Back up now' }));
    await within(card).findByText('Your journal is backed up, and the backup checked out.');
    expect(card).toHaveTextContent(/Last checked backup: today at \d/);
    expect(card).not.toHaveTextContent('No backup yet.');
    expect(fake.backups).toHaveLength(1);
    const list = within(card).getByRole('list', { name: 'Backups in this folder' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent(/^Today at \d.*KiB/);
    expect(within(items[0]).getByRole('button', { name: /^Restore… the backup from today at / })).toBeInTheDocument();
  });

  it('no backup for a week is a calm note, not an alarm; a failed automatic backup is said in words', async () => {
    const { fake, card } = await openBackups((f) => {
      f.backupFolder = FOLDER;
      f.makeBackup(new Date(Date.now() - 8 * 86400e3));
    });
    const note = await within(card).findByText('It has been a while since the last backup. Back up now?');
    expect(note).not.toHaveClass('error');
    expect(note).not.toHaveAttribute('role', 'alert');
    expect(card).toHaveTextContent('Last checked backup:');
    expect(card).not.toHaveTextContent('today at');

    // The shell tells the page when the day's backup could not be written.
    fake.backupLastError = 'the folder is not there (is the drive connected?)';
    fake.emitBackup(await fake.backupStatus());
    expect(
      await within(card).findByText(/The last automatic backup could not be written: the folder is not there \(is the drive connected\?\)\./),
    ).not.toHaveClass('error');

    // And when it made one: the list and the line follow.
    fake.backupLastError = null;
    fake.makeBackup();
    fake.emitBackup(await fake.backupStatus());
    await waitFor(() => expect(card).toHaveTextContent(/Last checked backup: today at/));
    expect(card).not.toHaveTextContent('It has been a while');
    expect(within(card).getAllByRole('button', { name: /^Restore…/ })).toHaveLength(2);
  });

  it('restores: a wrong passphrase is said at the field, the right one previews it, and Keel opens on the backup', async () => {
    const OLD = 'an older passphrase here';
    const { fake, user, card, app } = await openBackups((f) => {
      // The backup was made a day ago, with another passphrase and one entry since changed.
      f.insert(journal('kept from before'));
      f.backupFolder = FOLDER;
      const now = f.passphrase;
      f.passphrase = OLD;
      f.makeBackup(new Date(Date.now() - 86400e3));
      f.passphrase = now;
      f.insert(journal('written after the backup'));
    });
    const before = fake.records.size;
    const backupHolds = fake.backups[0].records.size;
    expect(backupHolds).toBe(before - 1);

    await user.click(within(card).getByRole('button', { name: /^Restore… the backup from yesterday at / }));
    const dialog = await screen.findByRole('dialog', { name: /^Restore the backup from yesterday at / });
    expect(dialog).toHaveTextContent('takes the place of what is in Keel now');
    expect(dialog).toHaveTextContent('kept first, as a backup');
    expect(dialog).toHaveTextContent('opens with the passphrase you used when it was made');
    const field = within(dialog).getByLabelText('The passphrase when this backup was made');
    expect(field, 'the focus goes to the passphrase').toHaveFocus();

    await user.type(field, `${PASS}{Enter}`);
    const wrong = await within(dialog).findByRole('alert');
    expect(wrong).toHaveTextContent("That passphrase doesn't open this backup.");
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/doesn't open this backup/);
    expect(within(dialog).queryByRole('button', { name: 'Replace my journal with this backup' })).toBeNull();

    await user.clear(field);
    await user.type(field, OLD);
    await user.click(within(dialog).getByRole('button', { name: 'Check this backup' }));
    expect(
      await within(dialog).findByText('This backup holds 1 entry, and everything in it opens.'),
      'the journal entry kept from before; coping skills are not entries',
    ).toBeInTheDocument();
    expect(within(dialog).queryByRole('alert')).toBeNull();
    const replace = within(dialog).getByRole('button', { name: 'Replace my journal with this backup' });
    expect(replace).toHaveFocus();
    expect(fake.unlocked, 'checking changes nothing').toBe(true);

    await user.click(replace);
    // Keel locks; the lock screen takes over.
    const pass = await screen.findByLabelText('Passphrase');
    expect(app.phase).toBe('locked');
    expect(screen.queryByRole('heading', { name: 'Backups' })).toBeNull();
    expect(fake.backups, 'the journal as it was is kept as a backup').toHaveLength(2);
    expect(fake.backups[1].records.size).toBe(before);

    // The old passphrase is the one now.
    await user.type(pass, `${OLD}{Enter}`);
    await screen.findByRole('radiogroup', { name: 'Stress' }, { timeout: 15000 });
    expect(await texts(fake)).toEqual(['kept from before']);
  });

  it('does not offer to restore a backup with entries that do not open, and Cancel keeps everything', async () => {
    const { fake, user, card } = await openBackups((f) => {
      f.backupFolder = FOLDER;
      f.makeBackup(new Date(Date.now() - 3 * 86400e3));
      f.backups[0].damaged.add('0123456789abcdef0123456789abcdef');
    });
    const restoreButton = within(card).getByRole('button', { name: /^Restore…/ });
    await user.click(restoreButton);
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('The passphrase when this backup was made'), `${PASS}{Enter}`);
    expect(await within(dialog).findByText(/One record in this backup does not open\. Keel won't restore it/)).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Replace my journal with this backup' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(restoreButton, 'the focus goes back where it was').toHaveFocus();
    expect(fake.unlocked).toBe(true);

    // Cancel before checking: nothing changes either.
    await user.click(restoreButton);
    const again = await screen.findByRole('dialog');
    expect(within(again).getByLabelText('The passphrase when this backup was made'), 'nothing typed is kept').toHaveValue('');
    await user.click(within(again).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.backups).toHaveLength(1);
    expect(fake.unlocked).toBe(true);
  });
});

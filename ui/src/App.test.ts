import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from './App.svelte';
import { AppState } from './lib/app.svelte';
import { FakeBackend } from './lib/backend/fake';
import { listQuery } from './lib/backend';
import { emptyCheckin, emptyJournal, emptySession } from './lib/kinds';

const PASS = 'maple orbit quietly';
const GROUPS = Array.from({ length: 13 }, (_, i) => `AB${String(i).padStart(2, '0')}C`);

// The unlocked app is a chunk of its own: load it once up front, so no test's timing depends on
// being the first to open it.
beforeAll(async () => {
  await import('./lib/views/Shell.svelte');
}, 30_000);

async function start(fake = new FakeBackend({ passphrase: PASS, recoveryGroups: GROUPS })) {
  const app = new AppState(fake);
  const user = userEvent.setup();
  render(App, { props: { app } });
  return { app, fake, user };
}

async function unlocked() {
  const ctx = await start();
  await ctx.user.type(await screen.findByLabelText('Passphrase'), `${PASS}{Enter}`);
  await screen.findByRole('radiogroup', { name: 'Stress' });
  return ctx;
}

describe('unlock', () => {
  it('says the passphrase was wrong and keeps it, selected, in the field', async () => {
    const { user, app } = await start();
    const field = (await screen.findByLabelText('Passphrase')) as HTMLInputElement;
    await user.type(field, 'not it at all{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(/doesn't open this journal/i);
    expect(field.value, 'what was typed stays').toBe('not it at all');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect([field.selectionStart, field.selectionEnd], 'and is selected for retyping').toEqual([0, 13]);
    expect(app.phase).toBe('locked');
  });

  it('recovery names the mistyped group', async () => {
    const { user } = await start();
    await user.click(await screen.findByRole('button', { name: /forgot your passphrase/i }));
    const typed = [...GROUPS];
    typed[3] = 'ZZZZZ';
    await user.type(screen.getByLabelText('Recovery key'), typed.join('-').toLowerCase());
    await user.type(screen.getByLabelText('New passphrase'), 'a brand new phrase');
    await user.type(screen.getByLabelText('Type the new passphrase again'), 'a brand new phrase');
    await user.click(screen.getByRole('button', { name: /open with recovery key/i }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/group 4 of the recovery key looks mistyped/i);
  });

  it('recovery with the right key (any case, spaces) opens the journal', async () => {
    const { user, fake } = await start();
    await user.click(await screen.findByRole('button', { name: /forgot your passphrase/i }));
    await user.type(screen.getByLabelText('Recovery key'), GROUPS.join(' ').toLowerCase());
    await user.type(screen.getByLabelText('New passphrase'), 'a brand new phrase');
    await user.type(screen.getByLabelText('Type the new passphrase again'), 'a brand new phrase');
    await user.click(screen.getByRole('button', { name: /open with recovery key/i }));
    await screen.findByRole('radiogroup', { name: 'Stress' });
    expect(fake.passphrase).toBe('a brand new phrase');
  });
});

describe('first run', () => {
  it('creates a vault, shows the key and needs one group typed back', async () => {
    const fake = new FakeBackend();
    const { user } = await start(fake);
    await user.type(await screen.findByLabelText('Choose a passphrase'), PASS);
    await user.type(screen.getByLabelText('Type it again'), PASS);
    await user.click(screen.getByRole('button', { name: /create my journal/i }));
    const input = await screen.findByLabelText(/type group \d+/i);
    const n = Number(/group (\d+)/i.exec(document.querySelector('label[for="rk-confirm"]')!.textContent!)![1]);
    const shown = [...document.querySelectorAll('.key-grid code')].map((c) => c.textContent);
    expect(shown).toEqual(fake.pending?.groups);
    expect(fake.exists, 'nothing is written while the key is on screen').toBe(false);
    await user.type(input, 'wrong{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(`group ${n}`);
    expect(fake.exists).toBe(false);
    await user.clear(input);
    await user.type(input, `${shown[n - 1]}{Enter}`);
    // The last first-run screen teaches the quick-hide shortcut.
    expect(await screen.findByRole('heading', { name: 'Your journal is ready' })).toBeInTheDocument();
    expect(document.body.textContent).toContain('Keel hides and locks at once');
    await user.click(screen.getByRole('button', { name: 'Open my journal' }));
    await screen.findByRole('radiogroup', { name: 'Stress' });
    expect(fake.exists).toBe(true);
    expect(fake.recoveryGroups).toEqual(shown);
  });

  it('quick hide on the key screen clears the key and the passphrases; nothing was written', async () => {
    const fake = new FakeBackend();
    const { user, app } = await start(fake);
    await user.type(await screen.findByLabelText('Choose a passphrase'), PASS);
    await user.type(screen.getByLabelText('Type it again'), `${PASS}{Enter}`);
    await screen.findByLabelText(/type group \d+/i);
    const key = fake.pending!.groups.join('');
    await user.keyboard('{Control>}{Shift>}h{/Shift}{/Control}');
    expect(await screen.findByRole('heading', { name: 'Welcome to Keel' })).toBeInTheDocument();
    expect(document.querySelector('.key-grid')).toBeNull();
    expect(document.body.textContent).not.toContain(fake.recoveryGroups[0] ?? key.slice(0, 5));
    for (const el of document.querySelectorAll('input, textarea')) expect((el as HTMLInputElement).value).toBe('');
    expect(fake.exists).toBe(false);
    expect(fake.pending, 'the shell dropped the key too').toBeNull();
    expect(app.phase).toBe('firstrun');
  });
});

describe('one source of truth', () => {
  it('an unlock reply overtaken by a lock leaves the lock screen, not Today over a locked journal', async () => {
    const fake = new FakeBackend({ passphrase: PASS, recoveryGroups: GROUPS });
    const unlock = fake.unlock.bind(fake);
    // The shell opened the journal, then a quick hide locked it before the reply arrived.
    fake.unlock = async (req) => {
      const status = await unlock(req);
      fake.emitLocked();
      return status;
    };
    let asked = 0;
    const list = fake.listRecords.bind(fake);
    fake.listRecords = (q) => ((asked += 1), list(q));
    const { user, app } = await start(fake);
    await user.type(await screen.findByLabelText('Passphrase'), `${PASS}{Enter}`);
    await waitFor(() => expect(fake.unlocked).toBe(false));
    expect(await screen.findByRole('heading', { name: 'Keel is locked' })).toBeInTheDocument();
    expect(asked, 'the older status was never shown: Today never asked for entries').toBe(0);
    expect(screen.queryByRole('radiogroup', { name: 'Stress' })).toBeNull();
    expect(app.phase).toBe('locked');
  });

  it('a late lock event older than the unlock is ignored: the journal the shell has open stays shown', async () => {
    const fake = new FakeBackend({ passphrase: PASS, recoveryGroups: GROUPS });
    let replay: (() => void) | null = null;
    const onState = fake.onState.bind(fake);
    // Capture the handler, to deliver a status from before the unlock after it.
    fake.onState = async (h) => {
      replay = () => h({ exists: true, unlocked: false, epoch: 0 });
      return onState(h);
    };
    const { user, app } = await start(fake);
    await user.type(await screen.findByLabelText('Passphrase'), `${PASS}{Enter}`);
    await screen.findByRole('radiogroup', { name: 'Stress' });
    replay!();
    await new Promise((r) => setTimeout(r, 20));
    expect(app.phase).toBe('unlocked');
    expect(screen.getByRole('radiogroup', { name: 'Stress' })).toBeInTheDocument();
  });

  it('the status already shown, sent again (a later launch brings the window forward), keeps what is typed', async () => {
    const fake = new FakeBackend({ passphrase: PASS, recoveryGroups: GROUPS });
    let again: (() => void) | null = null;
    const onState = fake.onState.bind(fake);
    fake.onState = async (h) => {
      again = () => void fake.vaultStatus().then(h);
      return onState(h);
    };
    const { user } = await start(fake);
    const field = (await screen.findByLabelText('Passphrase')) as HTMLInputElement;
    await user.type(field, 'half typed');
    again!();
    await new Promise((r) => setTimeout(r, 20));
    expect(field.value).toBe('half typed');
  });

  it('an unlock asked for before a lock the shell already had opens nothing', async () => {
    const fake = new FakeBackend({ passphrase: PASS, recoveryGroups: GROUPS });
    const { user, app } = await start(fake);
    await screen.findByLabelText('Passphrase');
    // The quick hide reached the shell first; the page has not heard of it yet.
    await fake.lock();
    await user.type(screen.getByLabelText('Passphrase'), `${PASS}{Enter}`);
    await waitFor(() => expect(app.epoch).toBe(fake.epoch));
    expect(fake.unlocked).toBe(false);
    expect(screen.getByRole('heading', { name: 'Keel is locked' })).toBeInTheDocument();
  });

  it('a recovery key typed into "Forgot your passphrase?" is gone after quick hide', async () => {
    const { user } = await start();
    await user.click(await screen.findByRole('button', { name: /forgot your passphrase/i }));
    await user.type(screen.getByLabelText('Recovery key'), GROUPS.join('-'));
    await user.type(screen.getByLabelText('New passphrase'), 'a brand new phrase');
    await user.keyboard('{Control>}{Shift>}h{/Shift}{/Control}');
    expect(await screen.findByRole('heading', { name: 'Keel is locked' })).toBeInTheDocument();
    for (const el of document.querySelectorAll('input, textarea')) expect((el as HTMLInputElement).value).toBe('');
    await user.click(screen.getByRole('button', { name: /forgot your passphrase/i }));
    expect((screen.getByLabelText('Recovery key') as HTMLTextAreaElement).value).toBe('');
  });

  it('after several wrong tries the shell asks for a wait, and the button counts down', async () => {
    const fake = new FakeBackend({ passphrase: PASS, recoveryGroups: GROUPS });
    fake.unlock = async () => Promise.reject({ code: 'TryAgainLater', message: 'x', field: null, id: null, group: null, waitSeconds: 2 });
    const { user } = await start(fake);
    await user.type(await screen.findByLabelText('Passphrase'), `${PASS}{Enter}`);
    expect(await screen.findByRole('alert')).toHaveTextContent('You can try again in 2 seconds.');
    const button = screen.getByRole('button', { name: /Unlock \(in \d s\)/ });
    expect(button).toBeDisabled();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Unlock' })).toBeEnabled(), { timeout: 3500 });
  });
});

describe('today', () => {
  it('saves a quick check-in from the keyboard alone and lists it at once', async () => {
    const { user, fake } = await unlocked();
    const stress = screen.getByRole('radiogroup', { name: 'Stress' });
    await waitFor(() => expect(stress.contains(document.activeElement), 'focus starts on stress').toBe(true));
    await user.keyboard('7');
    expect(within(stress).getByRole('radio', { name: '7' })).toBeChecked();
    await user.tab();
    await user.keyboard('4');
    await user.tab();
    await user.keyboard('1');
    await user.tab();
    await user.keyboard(' '); // Hungry
    await user.tab();
    await user.tab();
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText(/^note/i));
    await user.keyboard('after group{Enter}');

    const saved = await fake.listRecords(listQuery({ kinds: ['checkin'] }));
    expect(saved.total).toBe(1);
    const body = saved.records[0].body;
    expect(body.kind === 'checkin' && [body.stress, body.mood, body.craving, body.halt.hungry, body.note]).toEqual([7, 4, 1, true, 'after group']);

    const list = await screen.findByRole('list', { name: "Today's entries list" });
    // The ratings are pills (name and number), then HALT and the note.
    expect(within(list).getByRole('button', { name: /Stress 7, Mood 4, Craving 1, Hungry — after group/ })).toBeInTheDocument();
  });

  it('types 1 then 0 for a stress of 10', async () => {
    const { user } = await unlocked();
    const stress = screen.getByRole('radiogroup', { name: 'Stress' });
    await waitFor(() => expect(stress.contains(document.activeElement)).toBe(true));
    await user.keyboard('10');
    expect(within(stress).getByRole('radio', { name: '10' })).toBeChecked();
  });

  it('ticks off a bring-to-session item', async () => {
    const fake = new FakeBackend({ passphrase: PASS, recoveryGroups: GROUPS });
    fake.unlocked = true;
    const s = await fake.addRecord({ at: null, body: { ...emptySession(), title: 'Group', bring: [{ text: 'Ask about weekend plan', done: false }] } });
    fake.unlocked = false;
    const { user } = await start(fake);
    await user.type(await screen.findByLabelText('Passphrase'), `${PASS}{Enter}`);
    await user.click(await screen.findByRole('checkbox', { name: 'Ask about weekend plan' }));
    await waitFor(async () => {
      const r = await fake.getRecord(s.id);
      expect(r.body.kind === 'session' && r.body.bring[0].done).toBe(true);
    });
  });
});

describe('lock', () => {
  it('Lock clears every record from state and shows Unlock', async () => {
    const { user, app, fake } = await unlocked();
    fake.unlocked = true;
    await app.add({ ...emptyCheckin(), stress: 3, note: 'private words' });
    expect(await screen.findByText(/private words/)).toBeInTheDocument();
    expect(app.today.length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Lock' }));
    await screen.findByLabelText('Passphrase');
    expect(fake.unlocked).toBe(false);
    expect(app.today).toEqual([]);
    expect(app.sessions).toEqual([]);
    expect(app.recentSkillUses).toEqual([]);
    expect(app.skills).toEqual([]);
    expect(app.editing).toBeNull();
    expect(screen.queryByText(/private words/), 'nothing decrypted stays on screen').toBeNull();
  });

  it('Ctrl+L locks, and the backend locked event clears the UI too', async () => {
    const { user, app, fake } = await unlocked();
    await user.keyboard('{Control>}l{/Control}');
    await screen.findByLabelText('Passphrase');
    expect(app.phase).toBe('locked');

    await user.type(screen.getByLabelText('Passphrase'), `${PASS}{Enter}`);
    await screen.findByRole('radiogroup', { name: 'Stress' });
    fake.emitLocked();
    await screen.findByLabelText('Passphrase');
    expect(app.today).toEqual([]);
  });

  it('Ctrl+Shift+H quick-hides', async () => {
    const { user, app } = await unlocked();
    await user.keyboard('{Control>}{Shift>}H{/Shift}{/Control}');
    await screen.findByLabelText('Passphrase');
    expect(app.phase).toBe('locked');
  });
});

describe('editing', () => {
  it('moves an entry to the trash with Undo', async () => {
    const { user, fake, app } = await unlocked();
    await app.add({ ...emptyCheckin(), stress: 2, note: 'to delete' });
    await user.click(await screen.findByRole('button', { name: /to delete/ }));
    await user.click(await screen.findByRole('button', { name: 'Move to Trash' }));
    const undo = await screen.findByRole('button', { name: 'Undo' });
    expect((await fake.listRecords(listQuery({ trash: true }))).total).toBe(1);
    await user.click(undo);
    await waitFor(async () => expect((await fake.listRecords(listQuery({ trash: true }))).total).toBe(0));
  });

  it('saves a journal entry with tags', async () => {
    const { user, fake } = await unlocked();
    await user.click(screen.getByRole('button', { name: '+ Journal entry' }));
    await user.type(await screen.findByLabelText(/^Title/), 'Evening');
    await user.type(screen.getByLabelText(/^entry$/i), 'A calmer day.');
    await user.type(screen.getByLabelText(/^tags/i), 'work, family');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(async () => {
      const page = await fake.listRecords(listQuery({ kinds: ['journal'] }));
      expect(page.records[0]?.body).toMatchObject({ title: 'Evening', text: 'A calmer day.', tags: ['work', 'family'] });
    });
  });

  it('logs a coping skill picked by typing', async () => {
    const { user, fake } = await unlocked();
    await user.click(screen.getByRole('button', { name: '+ Log a coping skill' }));
    const combo = await screen.findByRole('combobox', { name: 'Skill' });
    await user.type(combo, 'breath');
    await user.click(await screen.findByRole('option', { name: /box breathing/i }));
    expect(combo).toHaveValue('Box breathing');
    await user.click(within(screen.getByRole('radiogroup', { name: 'Distress before' })).getByRole('radio', { name: '8' }));
    await user.click(within(screen.getByRole('radiogroup', { name: 'Distress after' })).getByRole('radio', { name: '3' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => {
      const page = await fake.listRecords(listQuery({ kinds: ['skill-use'] }));
      expect(page.records[0]?.body).toMatchObject({ skillName: 'Box breathing', distressBefore: 8, distressAfter: 3 });
      expect(page.records[0]?.body.kind === 'skill-use' && page.records[0].body.skillId).toBeTruthy();
    });
  });
});

describe('nothing the user did not enter is saved', () => {
  it('a detailed check-in with no scale chosen says one is needed and saves nothing', async () => {
    const { user, fake } = await unlocked();
    await user.click(screen.getByRole('button', { name: '+ Detailed check-in' }));
    await user.type(await screen.findByLabelText('Note'), 'just words');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('choose at least one of stress, mood or craving');
    expect((await fake.listRecords(listQuery({ kinds: ['checkin'] }))).total).toBe(0);
  });

  it('a coping skill saved without touching a scale stores no number for it', async () => {
    const { user, fake } = await unlocked();
    await user.click(screen.getByRole('button', { name: '+ Log a coping skill' }));
    const radios = await screen.findAllByRole('radio');
    expect(radios.every((r) => !(r as HTMLInputElement).checked), 'every scale starts with nothing chosen').toBe(true);
    await user.type(screen.getByRole('combobox', { name: 'Skill' }), 'Walk outside');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(async () => expect((await fake.listRecords(listQuery({ kinds: ['skill-use'] }))).total).toBe(1));
    const [r] = (await fake.listRecords(listQuery({ kinds: ['skill-use'] }))).records;
    expect(r.body).toMatchObject({ distressBefore: null, distressAfter: null, urgeBefore: null, urgeAfter: null });
  });

  it('a mood-only quick check-in is saved with stress and craving absent, with Undo', async () => {
    const { user, fake } = await unlocked();
    await user.click(within(screen.getByRole('radiogroup', { name: 'Mood' })).getByRole('radio', { name: '7' }));
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    await waitFor(async () => expect((await fake.listRecords(listQuery({ kinds: ['checkin'] }))).total).toBe(1));
    const [r] = (await fake.listRecords(listQuery({ kinds: ['checkin'] }))).records;
    expect(r.body).toMatchObject({ stress: null, mood: 7, craving: null });
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await fake.listRecords(listQuery({ kinds: ['checkin'] }))).total).toBe(0));
  });

  it('the quick check-in with nothing chosen asks for any one number', async () => {
    const { user, fake } = await unlocked();
    await user.click(screen.getByRole('button', { name: 'Save check-in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Pick a number for any one of stress, mood or craving');
    expect((await fake.listRecords(listQuery({ kinds: ['checkin'] }))).total).toBe(0);
  });
});

describe('when a save is refused', () => {
  it('saving a check-in with sleep 30 focuses the sleep input and says what to fix', async () => {
    const { user, fake } = await unlocked();
    await user.click(screen.getByRole('button', { name: '+ Detailed check-in' }));
    const sleep = await screen.findByLabelText('Sleep last night (hours)');
    await user.click(within(screen.getByRole('radiogroup', { name: 'Mood' })).getByRole('radio', { name: '6' }));
    await user.type(sleep, '30');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Sleep hours: sleep is between 0 and 24 hours.');
    await waitFor(() => expect(document.activeElement).toBe(sleep));
    expect(screen.getByRole('heading', { name: 'New check-in' }), 'the editor stays open').toBeInTheDocument();
    expect((await fake.listRecords(listQuery({ kinds: ['checkin'] }))).total, 'nothing was saved').toBe(0);
  });

  it('a session note without a title asks for one and focuses it', async () => {
    const { user } = await unlocked();
    await user.click(screen.getByRole('button', { name: '+ Session note' }));
    await user.type(await screen.findByLabelText('Facilitator'), 'Dr. Rivera');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Title: please fill this in.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Title or topic')));
  });
});

describe('a record from a newer version of Keel', () => {
  const NEWER = { kind: 'unknown', writtenAs: 'urge_log', version: 1, payload: { peak: 7 } } as const;

  it('is listed in plain words, opens as a note with nothing to change, and is never deleted', async () => {
    const fake = new FakeBackend({ passphrase: PASS, recoveryGroups: GROUPS });
    const kept = fake.insert({ ...NEWER });
    const { user } = await start(fake);
    await user.type(await screen.findByLabelText('Passphrase'), `${PASS}{Enter}`);

    const list = await screen.findByRole('list', { name: "Today's entries list" });
    const row = within(list).getByRole('button', { name: /Written by a newer version of Keel/ });
    expect(row).toHaveTextContent('Kept as it is — update Keel to see or change it');

    await user.click(row);
    expect(await screen.findByRole('heading', { name: 'Written by a newer version of Keel' })).toBeInTheDocument();
    expect(screen.getByText(/kept exactly as it is/i)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Move to Trash' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    await user.keyboard('{Escape}');
    await screen.findByRole('radiogroup', { name: 'Stress' });

    await user.click(screen.getByRole('button', { name: 'History' }));
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    await waitFor(() => expect(within(timeline).getByText('Written by a newer version of Keel')).toBeInTheDocument());

    // Trashed by the newer Keel: it shows in the Trash, but neither Restore nor Delete is offered.
    fake.records.get(kept.id)!.trashed = kept.at;
    await user.click(screen.getByRole('button', { name: 'Trash' }));
    expect(await screen.findByText('Kept as it is — update Keel to see or change it')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Restore/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Delete/ })).toBeNull();
    expect(fake.records.has(kept.id)).toBe(true);
  });
});

describe('search', () => {
  it('finds entries as you type and marks the words', async () => {
    const { user, app } = await unlocked();
    await app.add({ ...emptyCheckin(), stress: 5, note: 'talked to <b>Sam</b> about sleep' });
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await user.type(await screen.findByLabelText('Search your entries'), 'sleep');
    const results = await screen.findByRole('list', { name: 'Search results' });
    await waitFor(() => expect(within(results).getAllByRole('listitem')).toHaveLength(1));
    const marks = [...results.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toContain('sleep');
    expect(results.querySelector('b'), 'user text stays text').toBeNull();
  });
});

describe('history', () => {
  it('renders only the visible rows of a long timeline', async () => {
    const fake = new FakeBackend({ passphrase: PASS, recoveryGroups: GROUPS });
    for (let i = 0; i < 3000; i++) fake.insert({ ...emptyCheckin(), stress: i % 11, note: `n${i}` }, new Date(Date.now() - i * 3600_000));
    const { user } = await start(fake);
    await user.type(await screen.findByLabelText('Passphrase'), `${PASS}{Enter}`);
    await user.click(await screen.findByRole('button', { name: 'History' }));
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    await waitFor(() => expect(within(timeline).getAllByRole('listitem').length).toBeGreaterThan(0));
    expect(screen.getByText(/3,000 entries/)).toBeInTheDocument();
    expect(within(timeline).getAllByRole('listitem').length, 'a window, not all rows').toBeLessThan(60);
  });
});

describe('editor escape', () => {
  it('Escape in the skill combobox closes only its list; with changes, Escape asks before discarding', async () => {
    const { user, app } = await unlocked();
    await user.click(screen.getByRole('button', { name: '+ Log a coping skill' }));
    const combo = await screen.findByRole('combobox', { name: 'Skill' });
    await user.type(combo, 'box');
    await screen.findByRole('listbox', { name: 'Skills' });

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox'), 'the list closed').toBeNull();
    expect(screen.getByRole('heading', { name: 'New coping skill' }), 'the editor stayed').toBeInTheDocument();
    expect(combo).toHaveValue('box');

    // List closed, something typed: Escape asks instead of throwing it away.
    await user.keyboard('{Escape}');
    const ask = await screen.findByRole('group', { name: 'Discard changes?' });
    expect(app.view).toBe('edit');
    const keep = within(ask).getByRole('button', { name: 'Keep editing' });
    await waitFor(() => expect(document.activeElement).toBe(keep));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Discard changes?' }), 'Escape again keeps editing').toBeNull();
    expect(screen.getByRole('combobox', { name: 'Skill' })).toHaveValue('box');

    await user.click(screen.getByLabelText('Situation'));
    await user.keyboard('{Escape}');
    await user.click(within(await screen.findByRole('group', { name: 'Discard changes?' })).getByRole('button', { name: 'Discard' }));
    await screen.findByRole('radiogroup', { name: 'Stress' });
    expect(app.view).toBe('today');
  });

  it('Escape closes an untouched editor at once', async () => {
    const { user, app } = await unlocked();
    for (const name of ['+ Detailed check-in', '+ Log a coping skill', '+ Session note', '+ Journal entry']) {
      await user.click(screen.getByRole('button', { name }));
      await screen.findByRole('button', { name: 'Save' });
      await new Promise((r) => setTimeout(r, 20));
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('group', { name: 'Discard changes?' }), name).toBeNull();
      await screen.findByRole('radiogroup', { name: 'Stress' });
      expect(app.view, name).toBe('today');
    }
  });
});

describe('toasts and names', () => {
  it('a new confirmation replaces the last one; Undo ones stay beside it; Escape dismisses', async () => {
    const { app, user } = await unlocked();
    app.toast('One saved.');
    app.toast('Two saved.');
    app.toast('Moved to Trash.', () => {});
    app.toast('Three saved.');
    await waitFor(() => expect([...document.querySelectorAll('.toast')].map((t) => t.querySelector('.toast-text')?.textContent)).toEqual(['Moved to Trash.', 'Three saved.']));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(document.querySelectorAll('.toast')).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(document.querySelectorAll('.toast')).toHaveLength(0));
  });

  it('Trash and Coping skills buttons name their entry, with a space', async () => {
    const { app, user } = await unlocked();
    const r = await app.add({ ...emptyCheckin(), stress: 3, note: 'named' });
    await app.trash(r);
    await user.click(screen.getByRole('button', { name: 'Trash' }));
    expect(await screen.findByRole('button', { name: 'Restore Stress 3 — named' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete… Stress 3 — named' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Coping skills' }));
    expect(await screen.findByRole('button', { name: 'Hide Box breathing' })).toBeInTheDocument();
  });
});

describe('when the journal was changed outside Keel', () => {
  const LOST = 'abcd1234' + '0'.repeat(24);

  it('a changed recovery key is named, and making a new one in Settings mends it', async () => {
    const fake = new FakeBackend({ passphrase: PASS, recoveryGroups: GROUPS });
    fake.tamper({ recoveryKeyOk: false });
    const { user } = await start(fake);
    await user.type(await screen.findByLabelText('Passphrase'), `${PASS}{Enter}`);
    const notice = await screen.findByRole('region', { name: 'Some of your journal was changed outside Keel' });
    expect(notice).toHaveTextContent('that key may no longer open your journal. Your passphrase still does.');
    await user.click(within(notice).getByRole('button', { name: 'Check my journal' }));
    await user.click(await screen.findByRole('button', { name: 'Start the check' }));
    expect(await screen.findByRole('heading', { name: 'Your recovery key' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Go to Settings' }));
    await user.type(await screen.findByLabelText('Your passphrase'), PASS);
    await user.click(screen.getByRole('button', { name: 'Make a new recovery key' }));
    const label = (await screen.findByLabelText(/type group \d+/i)).closest('form')!.querySelector('label')!.textContent!;
    const n = Number(/group (\d+)/i.exec(label)![1]);
    expect(fake.recoveryKeyOk, 'not mended until the new key is kept').toBe(false);
    await user.type(screen.getByLabelText(/type group \d+/i), `${fake.pending!.groups[n - 1]}{Enter}`);
    await waitFor(() => expect(fake.recoveryKeyOk).toBe(true));
    await user.click(screen.getByRole('button', { name: 'Today' }));
    await screen.findByRole('heading', { name: 'How are you right now?' });
    expect(screen.queryByRole('region', { name: 'Some of your journal was changed outside Keel' }), 'mended').toBeNull();
  });

  it('Today says so calmly, and Check my journal shows what was found and what to do', async () => {
    const fake = new FakeBackend({ passphrase: PASS, recoveryGroups: GROUPS });
    fake.insert({ ...emptyCheckin(), stress: 4, note: 'sealed private words' }, new Date(), LOST);
    fake.insert({ ...emptyCheckin(), stress: 2, note: 'still here' });
    fake.tamper({ damaged: [LOST], manifestOk: false });
    const { user, app } = await start(fake);
    await user.type(await screen.findByLabelText('Passphrase'), `${PASS}{Enter}`);

    const notice = await screen.findByRole('region', { name: 'Some of your journal was changed outside Keel' });
    expect(notice).toHaveTextContent("1 entry couldn't be opened.");
    expect(notice).toHaveTextContent(
      "The set of entries isn't the one Keel last saved: an entry may have been removed, duplicated or put back from an older copy.",
    );
    expect(within(notice).queryByRole('alert'), 'nothing alarming').toBeNull();
    expect(notice.querySelector('.error'), 'no error styling').toBeNull();
    expect(await screen.findByText(/still here/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('radiogroup', { name: 'Stress' }).contains(document.activeElement), 'focus stays on the check-in').toBe(true));

    await user.click(within(notice).getByRole('button', { name: 'Check my journal' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Check my journal' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Settings' }), 'reached from Settings').toHaveAttribute('aria-current', 'page');
    await user.click(screen.getByRole('button', { name: 'Start the check' }));

    const found = await screen.findByRole('list', { name: 'What Keel found' });
    const items = within(found).getAllByRole('listitem').map((li) => li.textContent?.trim());
    expect(items).toEqual(
      [
        `Checked ${fake.records.size + 1} saved items (your entries and coping skills).`,
        'The file itself is sound.',
        "The set of entries isn't the one Keel last saved: an entry may have been removed, duplicated or put back from an older copy.",
        'Your recovery key is the one Keel last saved.',
        "1 entry couldn't be opened.",
      ].map((t) => expect.stringContaining(t)),
    );
    const unopened = screen.getByRole('list', { name: "Entries that couldn't be opened" });
    expect(within(unopened).getByText('abcd1234')).toBeInTheDocument();
    expect(screen.getByText(/Keel can't tell what they were/)).toBeInTheDocument();
    expect(screen.getByText(/restore it: quit Keel first/)).toBeInTheDocument();
    expect(document.body.textContent, 'no entry text on the check screen').not.toMatch(/sealed private words|still here/);

    // Keep things as they are now: Keel vouches for the set from now on, and checks again.
    expect(screen.getByText(/Keel will vouch for the entries as they are now, from now on/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Keep things as they are now' }));
    expect(await screen.findByText('The set of entries is the one Keel last saved.')).toBeInTheDocument();
    expect(fake.manifestOk).toBe(true);
    expect(screen.queryByRole('button', { name: 'Keep things as they are now' })).toBeNull();
    expect(app.health).toEqual({ damaged: 1, malformedRows: 0, manifestOk: true, recoveryKeyOk: true });

    // The entry that can't be opened can be deleted for good, after a second click.
    await user.click(screen.getByRole('button', { name: 'Delete abcd1234 for good…' }));
    await user.click(screen.getByRole('button', { name: 'Delete forever' }));
    expect(await screen.findByText('Every entry opened.')).toBeInTheDocument();
    expect(screen.getByText("Everything is as Keel saved it. There's nothing you need to do.")).toBeInTheDocument();
    expect(fake.damaged.size).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Today' }));
    await screen.findByRole('radiogroup', { name: 'Stress' });
    expect(screen.queryByRole('region', { name: 'Some of your journal was changed outside Keel' }), 'the notice is gone').toBeNull();
  });

  it('shows no notice when all is well, and Settings reaches the check', async () => {
    const { user } = await unlocked();
    expect(screen.queryByRole('region', { name: 'Some of your journal was changed outside Keel' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const section = await screen.findByRole('region', { name: 'Check my journal' });
    await user.click(within(section).getByRole('button', { name: 'Check my journal' }));
    await user.click(await screen.findByRole('button', { name: 'Start the check' }));
    expect(await screen.findByText("Everything is as Keel saved it. There's nothing you need to do.")).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'What you can do' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeInTheDocument();
  });

  it('names rows that could not be read at all, after a recovery too', async () => {
    const fake = new FakeBackend({ passphrase: PASS, recoveryGroups: GROUPS });
    fake.tamper({ malformedRows: [7, 3] });
    const { user } = await start(fake);
    await user.click(await screen.findByRole('button', { name: /forgot your passphrase/i }));
    await user.type(screen.getByLabelText('Recovery key'), GROUPS.join(''));
    await user.type(screen.getByLabelText('New passphrase'), 'a brand new phrase');
    await user.type(screen.getByLabelText('Type the new passphrase again'), 'a brand new phrase{Enter}');
    const notice = await screen.findByRole('region', { name: 'Some of your journal was changed outside Keel' });
    expect(notice).toHaveTextContent("2 parts of the file couldn't be read at all.");
    expect(notice).not.toHaveTextContent(/entries couldn't be opened|set of entries/);
  });
});

describe('change encryption key', () => {
  it('asks for the passphrase, shows a new recovery key once, and the old key opens nothing', async () => {
    const { user, fake, app } = await unlocked();
    const kept = await app.add({ ...emptyCheckin(), stress: 5, note: 'kept through the new key' });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const section = await screen.findByRole('region', { name: 'Change encryption key' });
    expect(section).toHaveTextContent('Keel locks every entry again with a new key and makes you a new recovery key.');
    expect(section).toHaveTextContent(
      "From then on, old copies of your journal file (a backup, a synced folder) and the old passphrase or recovery key can't open anything new you write.",
    );

    await user.type(within(section).getByLabelText('Your passphrase (it stays the same)'), 'not my passphrase');
    await user.click(within(section).getByRole('button', { name: 'Change encryption key' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent(/doesn't open this journal/);
    expect(fake.rekeys).toBe(0);

    const field = within(section).getByLabelText('Your passphrase (it stays the same)');
    await user.clear(field);
    await user.type(field, `${PASS}{Enter}`);
    expect(await within(section).findByRole('heading', { name: 'Your recovery key' })).toBeInTheDocument();
    const shown = within(section).getAllByRole('listitem').map((li) => li.querySelector('code')!.textContent);
    expect(shown).toEqual(fake.pending?.groups);
    expect(shown).not.toEqual(GROUPS);
    expect(fake.recoveryGroups, 'the old key works until the new one is kept').toEqual(GROUPS);
    expect(fake.rekeys).toBe(0);
    expect(screen.getByRole('button', { name: 'Make a new recovery key' }), 'one key at a time').toBeDisabled();

    const label = section.querySelector('label[for="rk-confirm"]')!.textContent!;
    const n = Number(/group (\d+)/i.exec(label)![1]);
    await user.type(within(section).getByLabelText(/type group \d+/i), `${shown[n - 1]}{Enter}`);
    expect(await within(section).findByRole('status')).toHaveTextContent('Every entry is locked with the new key');
    expect(within(section).queryByRole('heading', { name: 'Your recovery key' })).toBeNull();

    expect(fake.passphrase, 'the passphrase stays the same').toBe(PASS);
    expect((await fake.getRecord(kept.id)).body).toMatchObject({ note: 'kept through the new key' });
    await expect(fake.recover({ recoveryKey: GROUPS.join('-'), newPassphrase: 'another new phrase' })).rejects.toMatchObject({ code: 'WrongRecoveryKey' });
    await fake.recover({ recoveryKey: shown.join('-'), newPassphrase: 'another new phrase' });
  });

  it('says honestly what a new passphrase and a new recovery key do not do', async () => {
    const { user } = await unlocked();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const pass = await screen.findByRole('region', { name: 'Change passphrase' });
    expect(pass).toHaveTextContent('An older copy of your journal file (a backup, a synced folder) still opens with the old passphrase.');
    const key = screen.getByRole('region', { name: 'Recovery key' });
    expect(key).toHaveTextContent('The old key stops opening this file, but an older copy of the file (a backup, a synced folder) still opens with it.');
    expect(document.body.textContent).not.toMatch(/old (one|key) (no longer works|stops working)/i);
  });
});

describe('activity', () => {
  it('tells the shell the user is here, at most once in 30 s, and only while unlocked', async () => {
    const { user, fake } = await start();
    await user.type(await screen.findByLabelText('Passphrase'), 'typing while locked');
    expect(fake.activityReports, 'nothing while locked').toBe(0);
    await user.clear(screen.getByLabelText('Passphrase'));
    await user.type(screen.getByLabelText('Passphrase'), `${PASS}{Enter}`);
    await screen.findByRole('radiogroup', { name: 'Stress' });
    await user.keyboard('3');
    expect(fake.activityReports).toBe(1);
    await user.keyboard('4');
    await user.click(screen.getByRole('button', { name: 'History' }));
    expect(fake.activityReports, 'throttled').toBe(1);
  });

  it('keeps the new key while the first-run recovery key is on screen, and if the shell locked anyway, starts again', async () => {
    const fake = new FakeBackend();
    const { user, app } = await start(fake);
    await user.type(await screen.findByLabelText('Choose a passphrase'), PASS);
    await user.type(screen.getByLabelText('Type it again'), `${PASS}{Enter}`);
    const input = await screen.findByLabelText(/type group \d+/i);
    const n = Number(/group (\d+)/i.exec(document.querySelector('label[for="rk-confirm"]')!.textContent!)![1]);
    await user.type(input, fake.pending!.groups[n - 1]);
    expect(fake.activityReports, 'typing the group back is activity').toBe(1);
    fake.emitLocked(); // the shell's idle lock, while the key was on screen
    expect(await screen.findByRole('heading', { name: 'Welcome to Keel' })).toBeInTheDocument();
    expect(document.querySelector('.key-grid'), 'the key is gone from the screen').toBeNull();
    expect(fake.exists, 'and no journal was written with a key nobody kept').toBe(false);
    expect(app.phase).toBe('firstrun');
  });

  it('a new recovery key left unconfirmed never takes effect', async () => {
    const { user, fake } = await unlocked();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.type(await screen.findByLabelText('Your passphrase'), PASS);
    await user.click(screen.getByRole('button', { name: 'Make a new recovery key' }));
    await screen.findByLabelText(/type group \d+/i);
    expect(fake.pending).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Not now — keep my old recovery key' }));
    const section = screen.getByRole('region', { name: 'Recovery key' });
    expect(await within(section).findByRole('status')).toHaveTextContent('Nothing changed. Your recovery key is the one you had.');
    expect(fake.pending).toBeNull();
    expect(fake.recoveryGroups).toEqual(GROUPS);

    await user.type(screen.getByLabelText('Your passphrase'), PASS);
    await user.click(screen.getByRole('button', { name: 'Make a new recovery key' }));
    await screen.findByLabelText(/type group \d+/i);
    await user.click(screen.getByRole('button', { name: 'Today' }));
    await waitFor(() => expect(fake.pending, 'leaving Settings drops it').toBeNull());
    expect(fake.recoveryGroups).toEqual(GROUPS);
  });
});

describe('discreet', () => {
  it('covers the screen while another window is in front, unless turned off', async () => {
    const { fake, app } = await unlocked();
    window.dispatchEvent(new Event('blur'));
    expect(await screen.findByTestId('discreet-cover')).toBeInTheDocument();
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(screen.queryByTestId('discreet-cover')).toBeNull());
    await app.saveSettings({ ...fake.settings, hideWhenUnfocused: false });
    window.dispatchEvent(new Event('blur'));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('discreet-cover'), 'turned off in Settings').toBeNull();
    window.dispatchEvent(new Event('focus'));
  });

  it('never covers the lock screen (it shows nothing private)', async () => {
    await start();
    await screen.findByLabelText('Passphrase');
    window.dispatchEvent(new Event('blur'));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('discreet-cover')).toBeNull();
    window.dispatchEvent(new Event('focus'));
  });

  it("uses the person's own words for craving and session notes, and can leave HALT out", async () => {
    const fake = new FakeBackend({ passphrase: PASS, recoveryGroups: GROUPS });
    fake.settings = { ...fake.settings, cravingLabel: 'Urge', sessionLabel: 'Meeting', showHalt: false };
    const { user } = await start(fake);
    await user.type(await screen.findByLabelText('Passphrase'), `${PASS}{Enter}`);
    expect(await screen.findByRole('radiogroup', { name: 'Urge' })).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup', { name: 'Craving' })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: 'Hungry' })).toBeNull();
    expect(screen.queryByText(/craving/i)).toBeNull();
    await user.click(screen.getByRole('button', { name: '+ Meeting' }));
    expect(await screen.findByRole('heading', { name: 'New meeting' })).toBeInTheDocument();
  });
});

describe('coping skills in one tap', () => {
  it('"Log it" on a skill and a favourite chip on Today open a skill use of that skill', async () => {
    const { user, fake } = await unlocked();
    await user.click(screen.getByRole('button', { name: 'Coping skills' }));
    await user.click(await screen.findByRole('button', { name: 'Log it: Box breathing' }));
    expect(await screen.findByRole('heading', { name: 'New coping skill' })).toBeInTheDocument();
    expect((screen.getByRole('combobox', { name: 'Skill' }) as HTMLInputElement).value).toBe('Box breathing');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await fake.listRecords(listQuery({ kinds: ['skill-use'] }))).total).toBe(1));
    const [use] = (await fake.listRecords(listQuery({ kinds: ['skill-use'] }))).records;
    const box = [...fake.records.values()].find((r) => r.body.kind === 'skill' && r.body.name === 'Box breathing')!;
    expect(use.body).toMatchObject({ skillId: box.id, skillName: 'Box breathing', distressBefore: null });

    await user.click(await screen.findByRole('button', { name: /Add to favourites: Box breathing/ }));
    await user.click(screen.getByRole('button', { name: 'Today' }));
    const chips = await screen.findByRole('group', { name: 'Log a favourite coping skill' });
    await user.click(within(chips).getByRole('button', { name: 'Box breathing' }));
    expect((await screen.findByRole('combobox', { name: 'Skill' }) as HTMLInputElement).value).toBe('Box breathing');
  });
});

describe('when an entry happened', () => {
  it('is now unless the person says "Yesterday" and a time', async () => {
    const { user, fake } = await unlocked();
    await user.click(screen.getByRole('button', { name: '+ Journal entry' }));
    const when = (await screen.findByLabelText('When')) as HTMLSelectElement;
    expect(when.value).toBe('now');
    expect(screen.queryByLabelText('Time'), 'no time to fill in for now').toBeNull();
    await user.selectOptions(when, 'yesterday');
    const time = screen.getByLabelText('Time') as HTMLInputElement;
    await user.clear(time);
    await user.type(time, '21:30');
    await user.type(screen.getByLabelText(/^entry$/i), 'late thoughts');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await fake.listRecords(listQuery({ kinds: ['journal'] }))).total).toBe(1));
    const [r] = (await fake.listRecords(listQuery({ kinds: ['journal'] }))).records;
    const y = new Date();
    y.setDate(y.getDate() - 1);
    const yesterday = `${y.getFullYear()}-${String(y.getMonth() + 1).padStart(2, '0')}-${String(y.getDate()).padStart(2, '0')}`;
    expect(r.localDate).toBe(yesterday);
    expect(r.at.slice(11, 16)).toBe('21:30');
  });
});

describe('before your next session', () => {
  it('lists entries marked to bring since the last session attended, and not those from before it', async () => {
    const fake = new FakeBackend({ passphrase: PASS, recoveryGroups: GROUPS });
    const day = (n: number) => new Date(Date.now() - n * 86_400_000);
    fake.insert({ ...emptyJournal(), text: 'from before group', bring: true }, day(3));
    fake.insert({ ...emptySession(), title: 'Group', attended: true }, day(2));
    fake.insert({ ...emptyJournal(), text: 'the evenings are hard', bring: true }, day(1));
    fake.insert({ ...emptyJournal(), text: 'just for me' }, day(1));
    const { user } = await start(fake);
    await user.type(await screen.findByLabelText('Passphrase'), `${PASS}{Enter}`);
    const list = await screen.findByRole('list', { name: 'Entries to bring up' });
    expect(within(list).getAllByRole('listitem').map((li) => li.querySelector('button')?.textContent)).toEqual(['the evenings are hard']);
  });
});

// One vault through a whole life: first run, lock/unlock, every kind of record, search,
// quit and relaunch, recovery with the recovery key.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, launch, quit, createVault, confirmGroup, unlock, measure, Key, sleep } from '../lib/app.mjs';

const PASS1 = 'correct horse battery staple';
const PASS2 = 'new tide over the harbour wall';
const TODAY = "Today's entries list";

// What each record reads like in a list, after adding and after editing. A check-in's ratings
// are pills in a row (each with its name and number, a hidden comma after it); its summary, which
// names it elsewhere (Search, the Trash's buttons), is in words.
const CHECKIN_ADDED = 'Stress 6, Mood 8, Craving 10';
const CHECKIN = 'Stress 3, Mood 8, Craving 10, kettle humming in the kitchen';
const CHECKIN_SUMMARY = 'Stress 3 · mood 8 · craving 10 — kettle humming in the kitchen';
const SKILL_ADDED = 'Box breathing · distress 7 → 3 — before the team meeting';
const SKILL = 'Box breathing · distress 7 → 3 — before the team meeting ran late';
const SESSION_ADDED = 'Individual: Anger and the body';
const SESSION = 'Individual: Anger and the body, part 2';
const JOURNAL_ADDED = 'Lighthouse morning';
const JOURNAL = 'Lighthouse evening';
const ALL = [CHECKIN, SKILL, SESSION, JOURNAL];

// Accessible names of the Trash's buttons, as found and as they should read.
const restoreNames = [];

const dismissToasts = (app) => app.dismissToasts();

async function toast(app, text) {
  return app.waitFor((t) => [...document.querySelectorAll('.toast')].find((el) => norm(el.textContent).includes(t)), [text], { what: `toast "${text}"` });
}

/**
 * In the page: History's count (its status line, beside the list; the date presets have a status
 * of their own) reads `words`, and the Timeline holds that many entry rows.
 */
const historyShows = (words, n) =>
  norm(document.querySelector('.page > [role=status]')?.textContent) === words && control('Timeline')?.querySelectorAll('button.record-row').length === n;

async function openFromToday(app, text, editorTitle) {
  await app.nav('Today');
  await (await app.row(TODAY, text)).click();
  await app.heading(editorTitle);
}

/**
 * Move to Trash then Undo; move to Trash again then Restore from the Trash view. `text` is what
 * the row shows, `name` how the entry is named (its summary) in the Trash's buttons.
 */
async function trashUndoRestore(app, text, editorTitle, name = text) {
  await dismissToasts(app);
  await openFromToday(app, text, editorTitle);
  await app.click('Move to Trash');
  await app.heading('How are you right now?');
  await app.row(TODAY, text, { present: false });
  const t = await toast(app, 'Moved to Trash.');
  await (await app.waitFor((el) => button('Undo', el), [t])).click();
  await toast(app, 'Restored.');
  await app.row(TODAY, text);

  await dismissToasts(app);
  await openFromToday(app, text, editorTitle);
  await app.click('Move to Trash');
  // Back on Today before going on (the list is not on the page while the editor is).
  await app.heading('How are you right now?');
  await app.row(TODAY, text, { present: false });
  await app.nav('Trash');
  await app.heading('Trash');
  await app.button('Empty Trash…');
  const [restore, names] = await app.waitFor(
    (t) => {
      const li = [...document.querySelectorAll('li.trash-item')].find((el) => norm(el.querySelector('.record-summary')?.textContent) === t);
      const b = li && button('/^Restore/', li);
      return b && [b, [accName(b), accName(button('/^Delete/', li))]];
    },
    [text],
    { what: `Restore button for ${text}` },
  );
  restoreNames.push([names, [`Restore ${name}`, `Delete… ${name}`]]);
  await restore.click();
  await toast(app, 'Restored.');
  await app.waitFor((t) => ![...document.querySelectorAll('li.trash-item')].some((el) => norm(el.textContent).includes(t)), [text]);
  await app.nav('Today');
  await app.row(TODAY, text);
}

describe('journey: one vault from first run to recovery', { concurrency: 1 }, () => {
  let driver;
  let app;
  let groups;

  before(async () => {
    driver = await startDriver('journey');
  });
  after(async () => {
    await quit(app).catch(() => {});
    await driver?.stop();
  });

  it('first run: creates a vault, shows the recovery key, checks a group back', async () => {
    app = await launch(driver);
    await app.heading('Welcome to Keel', 30_000);
    await app.settle(0);
    measure('launch → first-run screen drawn', performance.now() - app.launchedAt);
    assert.equal(await app.focusedName(), 'input#fr-pass Choose a passphrase', 'focus starts on the passphrase');

    await app.fill('Choose a passphrase', PASS1);
    await app.fill('Type it again', PASS1 + 'x');
    await app.click('Create my journal');
    await app.waitFor(() => norm(document.querySelector('[role=alert]')?.textContent) === "The two passphrases don't match.");

    const shown = await createVault(app, PASS1);
    groups = shown.groups;
    assert.ok(groups.length >= 4, `recovery key has groups: ${groups}`);
    for (const g of groups) assert.match(g, /^[A-Z0-9]{3,8}$/, `group looks like a key group: ${g}`);
    assert.ok(shown.ask >= 2 && shown.ask <= groups.length, `asks for a real group (${shown.label})`);

    // A wrong group is refused with a message naming the group.
    await app.fill(`/^Type group ${shown.ask} /`, 'ZZZZ');
    await app.click("I've kept it — continue");
    await app.waitFor((n) => norm(document.getElementById('rk-error')?.textContent).startsWith(`That doesn't match group ${n}.`), [shown.ask]);
    await confirmGroup(app, groups, shown.ask);
    // Today: the quick check-in has focus on stress.
    await app.waitFor(() => document.activeElement?.name === 'qc-stress', [], { what: 'focus on stress' });
  });

  it('locks with the Lock button and Ctrl+L; a wrong passphrase shows an error and keeps the text', async () => {
    await app.click('Lock');
    await app.heading('Keel is locked');
    await app.waitFor(() => document.activeElement?.id === 'unlock-pass', [], { what: 'focus on passphrase' });

    const wrong = 'not my passphrase at all';
    await app.fill('Passphrase', wrong);
    await app.click('Unlock');
    const err = await app.waitFor(() => norm(document.getElementById('unlock-error')?.textContent));
    assert.ok(err.length > 0, 'an error is shown');
    const field = await app.run(() => {
      const f = document.getElementById('unlock-pass');
      return { value: f.value, invalid: f.getAttribute('aria-invalid'), focused: document.activeElement === f, selStart: f.selectionStart, selEnd: f.selectionEnd, role: document.getElementById('unlock-error').getAttribute('role') };
    });
    assert.equal(field.value, wrong, 'the field keeps what was typed');
    assert.equal(field.invalid, 'true');
    assert.equal(field.role, 'alert');
    assert.ok(field.focused, 'the field has focus again');
    assert.deepEqual([field.selStart, field.selEnd], [0, wrong.length], 'the text is selected, ready to retype');
    console.log(`[info] wrong-passphrase message: "${err}"`);

    // Retype over the selection with the keyboard, Enter submits.
    await app.client.keys(PASS1 + Key.Enter);
    await app.heading('How are you right now?', 60_000);

    await app.client.chord(Key.Control, 'l');
    await app.heading('Keel is locked');
    await unlock(app, PASS1);
  });

  it('quick check-in on Today by keyboard only', async () => {
    await app.waitFor(() => document.activeElement?.name === 'qc-stress', [], { what: 'focus on stress' });
    await app.run((want) => {
      const t = (window.__e2eTiming = { down: null, shown: null });
      addEventListener('keydown', (e) => { if (e.key === 'Enter' && t.down === null) t.down = performance.now(); }, true);
      const mo = new MutationObserver(() => {
        const list = control("Today's entries list");
        if (t.down !== null && list && norm(list.textContent).includes(want)) {
          t.shown = performance.now();
          mo.disconnect();
        }
      });
      mo.observe(document.body, { childList: true, subtree: true, characterData: true });
      return true;
    }, CHECKIN_ADDED);
    // Stress 6, Tab, mood 8, Tab, craving "1" "0" = 10.
    await app.client.keys('6' + Key.Tab + '8' + Key.Tab + '10');
    const picked = await app.run(() => ['qc-stress', 'qc-mood', 'qc-craving'].map((n) => document.querySelector(`input[name=${n}]:checked`)?.value ?? null));
    assert.deepEqual(picked, ['6', '8', '10']);
    const sent = performance.now();
    await app.client.keys(Key.Enter);
    await app.row(TODAY, CHECKIN_ADDED);
    const seen = performance.now();
    const t = await app.waitFor(() => window.__e2eTiming.shown && window.__e2eTiming);
    measure('quick check-in: Enter → entry drawn in Today (in page)', t.shown - t.down);
    measure('quick check-in: Enter → entry seen in Today (via WebDriver)', seen - sent);
    // Saved: a toast says so and offers Undo.
    await app.waitFor(() => [...document.querySelectorAll('.toasts .toast')].some((t) => norm(t.querySelector('.toast-text')?.textContent) === 'Check-in saved.' && button('Undo', t)), [], { what: 'toast "Check-in saved." with Undo' });
    await app.waitFor(() => document.activeElement?.name === 'qc-stress' && !document.querySelector('input[name=qc-stress]:checked'), [], { what: 'form reset, focus on stress' });
  });

  it('check-in: edit in the detailed editor, trash + undo, trash + restore', async () => {
    await openFromToday(app, CHECKIN_ADDED, 'Edit check-in');
    await app.pick('Stress', 3);
    // Feelings are chips; the person's own words are added by typing (commas separate them).
    await app.fill('Add your own (feelings)', 'calm, tired' + Key.Enter);
    const chosen = await app.run(() => [...document.querySelectorAll('fieldset[data-field=emotions] .chip[aria-pressed=true]')].map((b) => b.textContent.trim()));
    assert.deepEqual(chosen, ['calm', 'tired']);
    await app.fill('Note', 'kettle humming in the kitchen');
    await app.click('Save');
    await app.heading('How are you right now?');
    await app.row(TODAY, CHECKIN);
    await trashUndoRestore(app, CHECKIN, 'Edit check-in', CHECKIN_SUMMARY);
  });

  it('coping-skill use: add (skill picked by typing), edit, trash + undo, restore', async () => {
    await app.nav('Today');
    await app.click('+ Log a coping skill');
    await app.heading('New coping skill');
    const combo = await app.control('Skill');
    await combo.click();
    await combo.sendKeys('box br');
    await app.waitFor(() => {
      const opts = [...document.querySelectorAll('[role=listbox][aria-label=Skills] [role=option]')];
      return opts.length === 1 && norm(opts[0].textContent) === 'Box breathing' && opts[0].getAttribute('aria-selected') === 'true';
    }, [], { what: 'the filtered option' });
    assert.equal(await app.run(() => control('Skill').getAttribute('aria-expanded')), 'true');
    await app.client.keys(Key.Enter);
    await app.waitFor(() => control('Skill').value === 'Box breathing' && !document.querySelector('[role=listbox]'), [], { what: 'skill chosen' });
    assert.equal(await app.run(() => !!heading('New coping skill')), true, 'Enter in the combobox did not submit the form');
    await app.fill('Situation', 'before the team meeting');
    await app.pick('Distress before', 7);
    await app.pick('Distress after', 3);
    await app.fill('Minutes spent', '5');
    await app.click('Save');
    await app.heading('How are you right now?');
    await app.row(TODAY, SKILL_ADDED);
    await app.row('Recent coping skills', SKILL_ADDED);
    await toast(app, 'Coping skill saved.');

    await openFromToday(app, SKILL_ADDED, 'Edit coping skill');
    assert.equal(await app.value('Skill'), 'Box breathing');
    assert.equal(await app.value('Minutes spent'), '5');
    await app.type('Situation', ' ran late');
    await app.click('Save');
    await app.row(TODAY, SKILL);
    await trashUndoRestore(app, SKILL, 'Edit coping skill');
  });

  it('session note: Markdown notes with preview, homework, bring items; edit, trash + undo, restore', async () => {
    await app.nav('Today');
    await app.click('+ Session note');
    await app.heading('New session note');
    await app.select('Session type', 'Individual');
    await app.fill('Facilitator', 'Dr. Rivera');
    await app.fill('Title or topic', 'Anger and the body');
    await app.fill('Notes', ['## Plan', '- **breathe** first', '- call the [clinic](http://127.0.0.1:9/clinic)'].join(Key.Enter));
    await app.click('Preview');
    const preview = await app.waitFor(() => {
      const r = control('Notes preview');
      return r && { h2: r.querySelector('h2')?.textContent, strong: r.querySelector('strong')?.textContent, href: r.querySelector('a')?.getAttribute('href'), items: r.querySelectorAll('li').length };
    });
    assert.deepEqual(preview, { h2: 'Plan', strong: 'breathe', href: 'http://127.0.0.1:9/clinic', items: 2 });
    // A rendered link does not navigate the app window away: it says where it goes.
    const before = await app.run(() => location.href);
    await (await app.run(() => control('Notes preview').querySelector('a'))).click();
    const shown = await app.waitFor(() => {
      const d = document.querySelector('dialog[open]');
      return d && { title: d.querySelector('h2')?.textContent, address: d.querySelector('.link-address')?.textContent };
    });
    assert.deepEqual(shown, { title: 'This link goes to', address: 'http://127.0.0.1:9/clinic' });
    await app.click('Close');
    await app.waitFor(() => !document.querySelector('dialog[open]'));
    assert.equal(await app.run(() => location.href), before);
    assert.ok(await app.run(() => !!heading('New session note')), 'still in the editor');
    await app.click('Write');
    assert.match(await app.value('Notes'), /^## Plan\n- \*\*breathe\*\* first\n/);
    await app.fill('Takeaways', 'name the feeling');
    await app.type('Add homework item', 'walk daily' + Key.Enter);
    await app.type('Add bring to next session item', 'sleep diary' + Key.Enter);
    assert.equal(await app.value('Homework item 1'), 'walk daily');
    assert.equal(await app.value('Bring to next session item 1'), 'sleep diary');
    assert.ok(await app.run(() => !!heading('New session note')), 'Enter in a checklist did not submit the form');
    await app.click('Save');
    await app.heading('How are you right now?');
    await app.row(TODAY, SESSION_ADDED);
    const open = await app.waitFor(() => {
      const s = document.querySelector('[aria-labelledby=open-items]');
      const t = norm(s?.textContent);
      return t.includes('Bring to next session') && t.includes('sleep diary') && t.includes('Homework') && t.includes('walk daily') && t;
    }, [], { what: 'open items on Today' });
    assert.ok(open.includes('Individual'), open);

    // Ticking homework on Today closes it.
    await (await app.control('walk daily')).click();
    await app.waitFor(() => !norm(document.querySelector('[aria-labelledby=open-items]')?.textContent).includes('walk daily'), [], { what: 'homework ticked off' });

    await openFromToday(app, SESSION_ADDED, 'Edit session note');
    assert.equal(await app.run(() => document.querySelector('input[aria-label="Done: walk daily"]').checked), true);
    await app.type('Title or topic', ', part 2');
    await app.click('Save');
    await app.row(TODAY, SESSION);
    await trashUndoRestore(app, SESSION, 'Edit session note');
  });

  it('journal entry: add with tags (Ctrl+Enter saves), edit, trash + undo, restore', async () => {
    await app.nav('Today');
    await app.click('+ Journal entry');
    await app.heading('New journal');
    // The journal opens with the cursor in the text; the title is optional.
    await app.waitFor(() => document.activeElement?.id === 'jo-text', [], { what: 'focus on the text' });
    await app.fill('Title (optional)', JOURNAL_ADDED);
    await app.fill('Entry', 'Walked to the pier and watched the ferry come in.');
    await app.fill('Tags (separate with commas)', 'gratitude, walk');
    await app.client.chord(Key.Control, Key.Enter);
    await app.heading('How are you right now?');
    await app.row(TODAY, JOURNAL_ADDED);

    await openFromToday(app, JOURNAL_ADDED, 'Edit journal');
    assert.equal(await app.value('Tags (separate with commas)'), 'gratitude, walk');
    await app.fill('Title (optional)', JOURNAL);
    await app.click('Save');
    await app.row(TODAY, JOURNAL);
    await trashUndoRestore(app, JOURNAL, 'Edit journal');
  });

  it('Trash and Coping skills buttons name their entry, separated by a space', async () => {
    assert.equal(restoreNames.length, 4);
    for (const [got, want] of restoreNames) assert.deepEqual(got, want);
    await app.nav('Coping skills');
    await app.heading('Coping skills');
    // The heading draws before the list loads: wait for the skills themselves.
    await app.waitFor(() => document.querySelectorAll('li.skill').length >= 3, [], { what: 'the skills listed' });
    // Each skill's buttons, as named, beside what they should say for that skill.
    const skillButtons = () =>
      [...document.querySelectorAll('li.skill')].map((li) => {
        const h = li.querySelector('h3').cloneNode(true);
        h.querySelectorAll('.muted').forEach((m) => m.remove()); // " (hidden)"
        const name = norm(h.textContent);
        const hidden = li.classList.contains('hidden-skill');
        const fav = li.querySelector('button.fav-toggle');
        const pressed = fav?.getAttribute('aria-pressed');
        return {
          got: [...li.querySelectorAll('button')].map(accName),
          want: [
            // Urge surfing has its own timer to start, before logging it by hand.
            ...(hidden || name !== 'Urge surfing' ? [] : ['Start urge surfing']),
            ...(hidden ? [] : [`Log it: ${name}`]),
            `${pressed === 'true' ? 'Remove from favourites' : 'Add to favourites'}: ${name}`,
            `${hidden ? 'Unhide' : 'Hide'} ${name}`,
          ],
          name,
          pressed,
        };
      });
    const skills = await app.run(skillButtons);
    assert.ok(skills.length >= 3, `skills listed: ${skills.length}`);
    for (const s of skills) {
      assert.match(s.name, /^\S/, 'a skill has a name');
      assert.ok(s.pressed === 'true' || s.pressed === 'false', `${s.name}: favourite button has aria-pressed (${s.pressed})`);
      assert.deepEqual(s.got, s.want, `${s.name}: buttons name the skill`);
    }
    // Favouriting flips the button's state and name, and back.
    const first = skills[0].name;
    const flipped = skills[0].pressed === 'true' ? 'Add to favourites' : 'Remove from favourites';
    await app.click(`${skills[0].pressed === 'true' ? 'Remove from favourites' : 'Add to favourites'}: ${first}`);
    const toggled = await app.waitFor((n) => button(n), [`${flipped}: ${first}`], { what: `${flipped}: ${first}` });
    assert.equal(await app.run((b) => b.getAttribute('aria-pressed'), toggled), skills[0].pressed === 'true' ? 'false' : 'true');
    await toggled.click();
    await app.waitFor((n, p) => button(n)?.getAttribute('aria-pressed') === p, [`${skills[0].pressed === 'true' ? 'Remove from favourites' : 'Add to favourites'}: ${first}`, skills[0].pressed], { what: 'favourite back as it was' });
    await app.nav('Today');
  });

  it('Escape in the skill combobox closes only its list, not the editor; then asks before discarding', async () => {
    await app.nav('Today');
    await app.click('+ Log a coping skill');
    await app.heading('New coping skill');
    const combo = await app.control('Skill');
    await combo.click();
    await combo.sendKeys('box');
    await app.waitFor(() => document.querySelector('[role=listbox]'));
    await app.client.keys(Key.Escape);
    await sleep(300);
    const state = await app.run(() => ({ editor: !!heading('New coping skill'), list: !!document.querySelector('[role=listbox]'), value: control('Skill')?.value ?? null }));
    if (!state.editor) await app.heading('How are you right now?');
    assert.deepEqual(state, { editor: true, list: false, value: 'box' });

    // The list is closed and something was typed: Escape asks instead of throwing it away.
    await app.client.keys(Key.Escape);
    await app.waitFor(() => norm(document.getElementById('ed-discard-q')?.textContent) === 'Discard changes?' && button('Keep editing') && button('Discard'), [], { what: 'the discard question' });
    assert.equal(await app.focusedName(), 'button Keep editing', 'focus on the safe choice');
    assert.ok(await app.run(() => !!heading('New coping skill')), 'still in the editor');
    // Escape again (like Keep editing) keeps the text.
    await app.client.keys(Key.Escape);
    await app.waitFor(() => !button('Keep editing') && control('Skill')?.value === 'box', [], { what: 'back to editing, text kept' });
    await (await app.control('Situation')).click();
    await app.client.keys(Key.Escape);
    await app.click('Discard');
    await app.heading('How are you right now?');
  });

  it('History shows every entry and filters by kind and tag', async () => {
    await app.nav('History');
    await app.heading('History');
    await app.waitFor(historyShows, ['4 entries', 4], { what: '4 entries' });
    for (const t of ALL) await app.row('Timeline', t);
    // All four were written today: one day heading above them.
    assert.deepEqual(await app.run(() => [...control('Timeline').querySelectorAll('.day-head')].map((h) => norm(h.textContent))), ['Today']);
    await app.select('Kind', 'Session note');
    await app.waitFor(historyShows, ['1 entry', 1], { what: '1 session' });
    await app.row('Timeline', SESSION);
    await app.select('Kind', 'Everything');
    await app.fill('Tag', 'gratitude');
    await app.waitFor(historyShows, ['1 entry', 1], { what: '1 tagged entry' });
    await app.row('Timeline', JOURNAL);
    await app.click('Clear filters');
    await app.waitFor(historyShows, ['4 entries', 4], { what: '4 entries again' });
    // Opening a row from History goes to the editor and back to History.
    await (await app.row('Timeline', JOURNAL)).click();
    await app.heading('Edit journal');
    await app.click('Cancel');
    await app.heading('History');
  });

  it('Search finds each kind as you type, with the match highlighted', async () => {
    await app.nav('Today');
    await app.heading('How are you right now?');
    await app.client.chord(Key.Control, 'k');
    await app.heading('Search');
    await app.waitFor(() => document.activeElement?.id === 'search-text', [], { what: 'focus in search' });
    const cases = [
      ['kett', 'Check-in', CHECKIN_SUMMARY],
      ['Meet', 'Coping skill', SKILL],
      ['rivera', 'Session note', SESSION],
      ['lighth', 'Journal', JOURNAL],
      ['FERRY', 'Journal', JOURNAL],
    ];
    for (const [q, kind, summary] of cases) {
      const field = await app.fill('Search your entries', '');
      // Type one character at a time; results come without pressing Enter.
      for (const ch of q) await field.sendKeys(ch);
      const found = await app.waitFor(
        (query, k, s) => {
          const list = control('Search results');
          const hit = list && [...list.querySelectorAll('button.result')].find((b) => norm(b.querySelector('.record-kind')?.textContent) === k && norm(b.querySelector('.result-title')?.textContent) === s);
          if (!hit) return null;
          // Results of the previous query may still be showing: wait for this one's marks.
          const ms = [...hit.querySelectorAll('mark')];
          if (!ms.length || ms.some((m) => m.textContent.toLowerCase() !== query.toLowerCase())) return null;
          return { marks: [...hit.querySelectorAll('mark')].map((m) => m.textContent), status: norm(document.querySelector('.page [role=status]')?.textContent), count: list.querySelectorAll('li').length };
        },
        [q, kind, summary],
        { what: `search "${q}" finds ${kind}` },
      );
      assert.ok(found.marks.length > 0, `a <mark> for "${q}"`);
      for (const m of found.marks) assert.equal(m.toLowerCase(), q.toLowerCase(), `the mark is the match: ${m}`);
      assert.equal(found.status, '1 match.', `status for "${q}"`);
      assert.equal(found.count, 1);
    }
    await app.fill('Search your entries', 'zzqqxx');
    await app.waitFor(() => norm(document.querySelector('.page [role=status]')?.textContent) === 'No matches.');
    // A result opens its editor.
    await app.fill('Search your entries', 'pier');
    await (await app.row('Search results', JOURNAL)).click();
    await app.heading('Edit journal');
    await app.click('Cancel');
    await app.heading('Search');
  });

  it('quit and relaunch: unlock, everything is still there', async () => {
    await quit(app);
    assert.deepEqual(driver.appPids(), [], 'the app process is gone after the session is deleted');
    app = await launch(driver);
    await app.heading('Keel is locked', 30_000);
    await app.settle(0);
    const drawn = performance.now() - app.launchedAt;
    measure('launch → unlock screen in DOM and painted (2 frames)', drawn);
    await app.screenshot('journey-relaunch-unlock');
    measure('launch → first non-blank screenshot of the unlock screen', performance.now() - app.launchedAt);
    measure('launch → WebDriver session created', app.sessionMs);
    await unlock(app, PASS1);
    for (const t of ALL) await app.row(TODAY, t);
    await app.row('Recent coping skills', SKILL);
    const open = await app.run(() => norm(document.querySelector('[aria-labelledby=open-items]')?.textContent));
    assert.ok(open.includes('sleep diary') && !open.includes('walk daily'), open);
    await app.nav('History');
    await app.waitFor(historyShows, ['4 entries', 4], { what: '4 entries' });
    await app.nav('Trash');
    await app.waitFor(() => norm(document.body.textContent).includes('The Trash is empty.'));
    await app.nav('Today');
    await openFromToday(app, SESSION, 'Edit session note');
    assert.equal(await app.value('Facilitator'), 'Dr. Rivera');
    assert.equal(await app.value('Takeaways'), 'name the feeling');
    assert.equal(await app.run(() => control('Session type').value), 'individual');
    await app.click('Cancel');
  });

  it('recovery key: "Forgot your passphrase?", new passphrase, then lock and unlock with it', async () => {
    await app.client.chord(Key.Control, 'l');
    await app.heading('Keel is locked');
    await app.click('Forgot your passphrase?');
    await app.heading('Use your recovery key');
    // Case, spaces and dashes don't matter.
    await app.fill('Recovery key', groups.join(' ').toLowerCase());
    await app.fill('New passphrase', PASS2);
    await app.fill('Type the new passphrase again', PASS2);
    await app.click('Open with recovery key');
    await app.heading('How are you right now?', 60_000);
    for (const t of ALL) await app.row(TODAY, t);

    await app.click('Lock');
    await app.heading('Keel is locked');
    await app.fill('Passphrase', PASS1);
    await app.click('Unlock');
    await app.waitFor(() => norm(document.getElementById('unlock-error')?.textContent), [], { what: 'the old passphrase is refused' });
    await (await app.control('Passphrase')).clear();
    await unlock(app, PASS2);
    for (const t of ALL) await app.row(TODAY, t);

    // And after a restart.
    await quit(app);
    app = await launch(driver);
    await unlock(app, PASS2);
    await app.row(TODAY, JOURNAL);
  });
});

// Injection payloads typed into every text field of every editor (and the quick check-in note),
// then viewed everywhere they show up. Nothing may run, load or turn into markup.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDriver, launch, quit, createVault, confirmGroup, Key, sleep } from '../lib/app.mjs';

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '[click](javascript:window.__xss=1)',
  '![x](http://127.0.0.1:9/x.png)',
  '<a href="javascript:window.__xss=1">a</a>',
];
const LINE = PAYLOADS.join(' ');
// For multi-line fields: each payload as its own block, then all of them inline.
const BLOCK = [...PAYLOADS, LINE].join(Key.Enter + Key.Enter);
const BLOCK_VALUE = [...PAYLOADS, LINE].join('\n\n');
const TODAY = "Today's entries list";

describe('XSS: payloads in every field are inert', { concurrency: 1 }, () => {
  let driver;
  let app;
  let home;

  async function clean(where) {
    const s = await app.xssState();
    assert.equal(s.xss, 'undefined', `${where}: window.__xss was set`);
    assert.deepEqual(s.badImgs, [], `${where}: <img> with a non-data src`);
    assert.deepEqual(s.scripts, [], `${where}: <script> in the body`);
    assert.deepEqual(s.jsLinks, [], `${where}: javascript: URL`);
    assert.deepEqual(s.handlers, [], `${where}: inline on* handler attribute`);
    assert.equal(s.iframes, 0, `${where}: frame/object`);
    assert.deepEqual(s.remote, [], `${where}: something tried to load`);
    assert.equal(s.href, home, `${where}: the window navigated`);
  }

  /** Every payload appears literally (as text) in `selector`'s rendered text. */
  async function literal(where, selector = 'main') {
    const text = await app.run((sel) => norm(document.querySelector(sel)?.innerText), selector);
    for (const p of PAYLOADS) assert.ok(text.includes(p), `${where}: "${p}" shown literally\n--- text ---\n${text.slice(0, 1200)}`);
  }

  async function saveEditor() {
    await app.click('Save');
    await app.heading('How are you right now?');
  }

  before(async () => {
    driver = await startDriver('xss');
    app = await launch(driver);
    const shown = await createVault(app, 'payload tester passphrase');
    await confirmGroup(app, shown.groups, shown.ask);
    home = await app.run(() => location.href);
    // The detector itself must see an injected element (then it is removed again).
    await app.run(() => { const d = document.createElement('div'); d.id = 'e2e-probe'; d.setAttribute('onclick', 'x'); d.innerHTML = '<img src="data:," data-ok><img data-bad>'; document.body.append(d); return true; });
    const probe = await app.xssState();
    await app.run(() => { document.getElementById('e2e-probe').remove(); return true; });
    assert.equal(probe.badImgs.length, 1, 'detector finds an <img> without a data: src');
    assert.equal(probe.handlers.length, 1, 'detector finds an on* attribute');
  });
  after(async () => {
    await quit(app).catch(() => {});
    await driver?.stop();
  });

  it('quick check-in note', async () => {
    await app.waitFor(() => document.activeElement?.name === 'qc-stress');
    await app.client.keys('5');
    const t0 = Date.now();
    await app.type('Note (optional)', LINE);
    console.log(`[info] typing ${LINE.length} characters took ${Date.now() - t0} ms`);
    await app.client.keys(Key.Enter);
    await app.row(TODAY, `Stress 5, ${LINE}`);
    await clean('Today after quick check-in');
    await literal('Today');
  });

  it('detailed check-in: emotions, triggers, note', async () => {
    await app.click('+ Detailed check-in');
    await app.heading('New check-in');
    await app.pick('Stress', 4);
    await app.fill('Add your own (feelings)', LINE + Key.Enter);
    await app.fill('Add your own (triggers)', LINE + Key.Enter);
    await app.fill('Note', BLOCK);
    await clean('check-in editor');
    await saveEditor();
    await app.row(TODAY, 'Stress 4, <img src=x');
    await clean('Today after check-in');
  });

  it('coping-skill use: skill, situation, note', async () => {
    await app.click('+ Log a coping skill');
    await app.heading('New coping skill');
    await app.fill('Skill', LINE);
    await app.fill('Situation', LINE);
    await app.fill('Note', BLOCK);
    await clean('skill-use editor');
    await saveEditor();
    // Distress was never chosen: the scales are saved as absent, so the row has no distress part.
    const row = await app.row(TODAY, `${LINE} — ${LINE}`);
    const recent = await app.row('Recent coping skills', `${LINE} — ${LINE}`);
    for (const r of [row, recent]) assert.equal(await app.run((b) => norm(b.querySelector('.record-summary')?.textContent), r), `${LINE} — ${LINE}`);
    await clean('Today after skill use');
  });

  it('session note: facilitator, title, Markdown notes (preview), takeaways, homework, bring', async () => {
    await app.click('+ Session note');
    await app.heading('New session note');
    await app.fill('Facilitator', LINE);
    await app.fill('Title or topic', LINE);
    await app.fill('Notes', BLOCK + Key.Enter + Key.Enter + '[safe link](http://127.0.0.1:9/safe)');
    await app.fill('Takeaways', BLOCK);
    await app.type('Add homework item', LINE + Key.Enter);
    await app.type('Add bring to next session item', LINE + Key.Enter);
    await app.click('Preview');
    const region = await app.control('Notes preview');
    const html = await app.run((r) => ({ html: r.innerHTML, text: norm(r.innerText), links: [...r.querySelectorAll('a')].map((a) => a.getAttribute('href')) }), region);
    assert.deepEqual(html.links, ['http://127.0.0.1:9/safe'], `only the safe link is a link: ${html.html}`);
    assert.ok(!/<(img|script|iframe)/i.test(html.html), html.html);
    for (const p of ['<img src=x onerror="window.__xss=1">', '<script>window.__xss=1</script>', '<a href="javascript:window.__xss=1">a</a>']) {
      assert.ok(html.text.includes(p), `raw HTML is shown as text in the preview: ${p}\n${html.text}`);
    }
    await clean('session preview');
    // Click the rendered link (it only says where it goes) and the de-linked "click" text.
    await (await app.run((r) => r.querySelector('a'), region)).click();
    const address = await app.waitFor(() => document.querySelector('dialog[open] .link-address')?.textContent);
    assert.equal(address, 'http://127.0.0.1:9/safe');
    await app.click('Close');
    await app.waitFor(() => !document.querySelector('dialog[open]'));
    const clickText = await app.run((r) => [...r.querySelectorAll('p, li')].find((el) => el.textContent.includes('click')), region);
    await clickText.click();
    await sleep(300);
    await clean('session preview after clicking links');
    await app.click('Write');
    await saveEditor();
    await app.row(TODAY, `Group: ${LINE}`);
    await clean('Today after session');
    const open = await app.run(() => norm(document.querySelector('[aria-labelledby=open-items]')?.innerText));
    for (const p of PAYLOADS) assert.ok(open.includes(p), `open items show "${p}" literally`);
  });

  it('journal: title, prompt, entry, tags', async () => {
    await app.click('+ Journal entry');
    await app.heading('New journal');
    await app.fill('Title (optional)', LINE);
    await app.fill('Or your own', LINE);
    await app.fill('Entry', BLOCK);
    await app.fill('Tags (separate with commas)', LINE);
    await clean('journal editor');
    await saveEditor();
    await app.row(TODAY, LINE);
    await clean('Today after journal');
    await literal('Today with every kind');
  });

  it('own coping skill: name and how-to, then chosen in the combobox', async () => {
    await app.nav('Coping skills');
    await app.heading('Coping skills');
    await app.fill('Name', LINE);
    await app.fill('How to do it', BLOCK);
    await app.click('Add skill');
    await app.waitFor((l) => [...document.querySelectorAll('li.skill h3')].some((h) => norm(h.textContent) === l), [LINE], { what: 'the new skill listed' });
    await clean('Skills');
    await literal('Skills');
    // The skill shows literally as a combobox option.
    await app.nav('Today');
    await app.click('+ Log a coping skill');
    await app.heading('New coping skill');
    const combo = await app.control('Skill');
    await combo.click();
    await combo.sendKeys('__xss');
    const opt = await app.waitFor((l) => [...document.querySelectorAll('[role=option]')].find((o) => norm(o.textContent) === l), [LINE], { what: 'the option' });
    await clean('skill combobox');
    await opt.click();
    assert.equal(await app.value('Skill'), LINE);
    await app.click('Cancel');
    await app.heading('How are you right now?');
  });

  it('History shows every payload as text; the tag filter takes a payload', async () => {
    await app.nav('History');
    await app.heading('History');
    // The count is History's own status line (the date presets have one too) and the rows listed.
    await app.waitFor(() => norm(document.querySelector('.page > [role=status]')?.textContent) === '5 entries' && control('Timeline')?.querySelectorAll('button.record-row').length === 5, [], { what: '5 entries' });
    await clean('History');
    await literal('History');
    await app.fill('Tag', PAYLOADS[0]);
    await app.waitFor(() => /^(\d[\d,.\s]* entries|1 entry)$/.test(norm(document.querySelector('.page > [role=status]')?.textContent)));
    await sleep(300);
    await clean('History with a payload tag filter');
    await app.click('Clear filters');
  });

  it('Search results show payloads as text with the match marked', async () => {
    await app.nav('Search');
    await app.heading('Search');
    await app.fill('Search your entries', '__xss');
    const r = await app.waitFor(() => {
      const list = control('Search results');
      const items = list ? [...list.querySelectorAll('li')] : [];
      const marks = list ? [...list.querySelectorAll('mark')].map((m) => m.textContent) : [];
      return items.length >= 5 && { count: items.length, marks, text: norm(list.innerText) };
    }, [], { what: 'search results' });
    assert.ok(r.marks.length >= 5 && r.marks.every((m) => m === '__xss'), JSON.stringify(r.marks));
    for (const p of PAYLOADS) assert.ok(r.text.replaceAll('__xss', '__xss').includes(p), `search shows "${p}" literally`);
    await clean('Search');
    // The payload itself as the query: highlighted as text.
    await app.fill('Search your entries', PAYLOADS[0]);
    const marks = await app.waitFor((q) => {
      const m = [...document.querySelectorAll('[aria-label="Search results"] mark')].map((x) => x.textContent);
      return m.length && m.some((x) => x.toLowerCase().includes('onerror')) && m;
    }, [PAYLOADS[0]], { what: 'payload query marks' });
    assert.ok(marks.length > 0);
    await clean('Search for a payload');
  });

  it('editors show the payloads back unchanged', async () => {
    await app.nav('Today');
    await (await app.row(TODAY, `Group: ${LINE}`)).click();
    await app.heading('Edit session note');
    assert.equal(await app.value('Facilitator'), LINE);
    assert.equal(await app.value('Notes'), BLOCK_VALUE + '\n\n[safe link](http://127.0.0.1:9/safe)');
    assert.equal(await app.value('Homework item 1'), LINE);
    await app.click('Preview');
    await app.control('Notes preview');
    await clean('session preview, saved note');
    await app.click('Cancel');
    await (await app.row(TODAY, `Stress 4, <img src=x`)).click();
    await app.heading('Edit check-in');
    const chips = await app.run(() => [...document.querySelectorAll('fieldset[data-field=emotions] .chip[aria-pressed=true]')].map((b) => b.textContent));
    assert.deepEqual(chips, [LINE], 'the feeling comes back as one chip, shown as text');
    assert.equal(await app.value('Note'), BLOCK_VALUE);
    await clean('check-in editor, saved');
    await app.click('Cancel');
    await app.heading('How are you right now?');
  });

  it('Trash shows payloads as text', async () => {
    await (await app.row(TODAY, `${LINE} — ${LINE}`)).click();
    await app.heading('Edit coping skill');
    // Distress left alone is still absent: nothing is picked on either scale.
    assert.deepEqual(await app.run(() => ['Distress before', 'Distress after'].map((s) => { const g = control(s); return g ? g.querySelectorAll('input[type=radio]').length + ':' + (g.querySelector('input:checked')?.value ?? 'none') : 'no scale'; })), ['11:none', '11:none']);
    await app.click('Move to Trash');
    await app.heading('How are you right now?');
    await app.nav('Trash');
    await app.heading('Trash');
    await app.waitFor(() => document.querySelector('li.trash-item'));
    await clean('Trash');
    await literal('Trash');
  });
});

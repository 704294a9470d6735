// The fake backend beyond the contract table (contract.test.ts): rules of the engine the table
// does not spell out.
import { describe, expect, it } from 'vitest';
import { FakeBackend } from './fake';
import { listQuery, type BodyDto } from './index';
import { emptyCheckin, emptyJournal } from '../kinds';

async function vault() {
  const fake = new FakeBackend();
  await fake.createOpen('a fake passphrase');
  return fake;
}

const NEWER: BodyDto = { kind: 'unknown', writtenAs: 'urge_log', version: 1, payload: { peak: 7 } };

describe('the fake backend', () => {
  it('gives ids of 32 lowercase hex digits', async () => {
    const fake = await vault();
    const r = await fake.addRecord({ at: null, body: { ...emptyJournal(), text: 'x' } });
    expect(r.id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps a newer Keel’s record: listed, never searched, never changed or deleted', async () => {
    const fake = await vault();
    const kept = fake.insert(NEWER);
    const page = await fake.listRecords(listQuery());
    expect(page.records.map((r) => r.id)).toEqual([kept.id]);
    expect((await fake.searchRecords({ text: 'urge', limit: null })).total).toBe(0);
    const refused = { code: 'RecordFromNewerVersion', id: kept.id };
    await expect(fake.updateRecord({ id: kept.id, at: null, body: NEWER })).rejects.toMatchObject({ code: 'InvalidInput', field: 'kind' });
    await expect(fake.updateRecord({ id: kept.id, at: null, body: { ...emptyJournal(), text: 'x' } })).rejects.toMatchObject(refused);
    await expect(fake.trashRecord(kept.id)).rejects.toMatchObject(refused);
    await expect(fake.restoreRecord(kept.id)).rejects.toMatchObject(refused);
    await expect(fake.purgeRecord(kept.id)).rejects.toMatchObject(refused);
    expect((await fake.getRecord(kept.id)).revision).toBe(1);
  });

  it('says when an id prefix matches more than one record', async () => {
    const fake = await vault();
    fake.insert({ ...emptyJournal(), text: 'one' }, new Date(), 'abcd0000000000000000000000000001');
    fake.insert({ ...emptyJournal(), text: 'two' }, new Date(), 'abcd0000000000000000000000000002');
    await expect(fake.getRecord('ABCD')).rejects.toMatchObject({ code: 'AmbiguousId' });
    expect((await fake.getRecord('abcd0000000000000000000000000002')).body).toMatchObject({ text: 'two' });
    await expect(fake.getRecord('abcx')).rejects.toMatchObject({ code: 'InvalidInput', field: 'id' });
    await expect(fake.getRecord('ffff')).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('writes times back as the engine does and orders by the instant, not the text', async () => {
    const fake = await vault();
    const utc = await fake.addRecord({ at: '2026-11-05T12:00:00.5Z', body: { ...emptyJournal(), text: 'utc' } });
    expect([utc.at, utc.localDate]).toEqual(['2026-11-05T12:00:00+00:00', '2026-11-05']);
    // 08:30 in New York is after 12:00 UTC, though its text sorts first.
    const ny = await fake.addRecord({ at: '2026-11-05T08:30:00-05:00', body: { ...emptyJournal(), text: 'ny' } });
    expect((await fake.listRecords(listQuery())).records.map((r) => r.id)).toEqual([ny.id, utc.id]);
    await expect(fake.addRecord({ at: '2026-02-30T08:00:00Z', body: { ...emptyJournal(), text: 'x' } })).rejects.toMatchObject({ field: 'at' });
    await expect(fake.addRecord({ at: '2026-11-05T08:00:00', body: { ...emptyJournal(), text: 'x' } })).rejects.toMatchObject({ field: 'at' });
  });

  it('takes closed-set words in any case and rejects scores that are not whole numbers', async () => {
    const fake = await vault();
    const r = await fake.addRecord({ at: null, body: { ...emptyCheckin(), stress: 2, context: ' Work ' as 'work' } });
    expect(r.body).toMatchObject({ context: 'work' });
    await expect(fake.addRecord({ at: null, body: { ...emptyCheckin(), mood: 2.5 } })).rejects.toMatchObject({ field: 'mood' });
    await expect(fake.addRecord({ at: null, body: { ...emptyCheckin(), craving: -1 } })).rejects.toMatchObject({ field: 'craving' });
  });
});

describe('the fake backend, after changes outside Keel', () => {
  const LOST = 'abcd1234' + '0'.repeat(24);

  it('reports what a test tampered with, lists what no longer opens, and can delete it for good', async () => {
    const fake = await vault();
    expect(await fake.vaultHealth()).toEqual({ damaged: 0, malformedRows: 0, manifestOk: true, recoveryKeyOk: true });
    fake.insert({ ...emptyJournal(), text: 'sealed' }, new Date(), LOST);
    const skills = fake.records.size - 1;
    fake.tamper({ damaged: [LOST, 'ffff0000' + '0'.repeat(24)], malformedRows: [9], manifestOk: false });
    expect(await fake.vaultHealth()).toEqual({ damaged: 2, malformedRows: 1, manifestOk: false, recoveryKeyOk: true });
    expect(await fake.verifyVault()).toEqual({
      checked: skills + 3,
      entries: 0,
      damaged: [LOST, 'ffff0000' + '0'.repeat(24)],
      malformedRows: [9],
      databaseOk: true,
      manifestOk: false,
      recoveryKeyOk: true,
    });
    const page = await fake.listRecords(listQuery());
    expect(page.records).toEqual([]);
    expect(page.damaged).toEqual([LOST, 'ffff0000' + '0'.repeat(24)]);
    await expect(fake.getRecord(LOST)).rejects.toMatchObject({ code: 'RecordTampered', id: LOST });
    await expect(fake.trashRecord('abcd')).rejects.toMatchObject({ code: 'RecordTampered' });

    await fake.acceptCurrentSet();
    expect((await fake.vaultHealth()).manifestOk).toBe(true);
    await fake.purgeRecord(LOST);
    expect(await fake.vaultHealth()).toEqual({ damaged: 1, malformedRows: 1, manifestOk: true, recoveryKeyOk: true });
    await expect(fake.getRecord(LOST)).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('changes the key only with the passphrase and once confirmed, keeps the records, and the old recovery key opens nothing', async () => {
    const fake = await vault();
    const r = await fake.addRecord({ at: null, body: { ...emptyJournal(), text: 'kept' } });
    const old = [...fake.recoveryGroups];
    await expect(fake.rekey({ passphrase: 'not the passphrase' })).rejects.toMatchObject({ code: 'WrongPassphrase' });
    expect(fake.recoveryGroups).toEqual(old);
    const { recoveryGroups } = await fake.rekey({ passphrase: 'a fake passphrase' });
    expect(recoveryGroups).toHaveLength(13);
    expect(recoveryGroups).not.toEqual(old);
    expect(fake.recoveryGroups, 'not in effect until a group is typed back').toEqual(old);
    await expect(fake.confirmRecoveryKey({ group: 2, typed: recoveryGroups[2] })).rejects.toMatchObject({ code: 'InvalidInput', field: 'group' });
    expect(fake.recoveryGroups).toEqual(old);
    await fake.confirmRecoveryKey({ group: 2, typed: recoveryGroups[1] });
    expect(fake.recoveryGroups).toEqual(recoveryGroups);
    expect((await fake.getRecord(r.id)).body).toMatchObject({ text: 'kept' });
    await fake.lock();
    await expect(fake.rekey({ passphrase: 'a fake passphrase' })).rejects.toMatchObject({ code: 'VaultLocked' });
    await expect(fake.recover({ recoveryKey: old.join('-'), newPassphrase: 'another passphrase' })).rejects.toMatchObject({ code: 'WrongRecoveryKey' });
    await fake.recover({ recoveryKey: recoveryGroups.join(' '), newPassphrase: 'another passphrase' });
    expect(fake.unlocked).toBe(true);
  });
});

describe('the fake backend, settings', () => {
  it('refuses a label longer than 40 characters or on more than one line, as the engine does', async () => {
    const fake = new FakeBackend();
    const s = await fake.getSettings();
    await expect(fake.setSettings({ ...s, cravingLabel: 'x'.repeat(41) })).rejects.toMatchObject({ field: 'cravingLabel' });
    await expect(fake.setSettings({ ...s, sessionLabel: 'two\nlines' })).rejects.toMatchObject({ field: 'sessionLabel' });
    expect((await fake.setSettings({ ...s, cravingLabel: 'Urge' })).cravingLabel).toBe('Urge');
  });
});

describe('the fake backend, the programme’s schedule (as src/kinds/schedule.rs and occurrence.rs)', () => {
  const slot = (over: Partial<BodyDto & { kind: 'schedule' }> = {}): BodyDto => ({
    kind: 'schedule',
    title: 'Group',
    sessionType: 'group',
    first: '2026-11-30',
    start: '18:00',
    minutes: 180,
    weekdays: [],
    until: null,
    place: '',
    online: false,
    archived: false,
    ...over,
  });
  const add = async (body: BodyDto) => (await (await vault()).addRecord({ at: null, body })).body;

  it('sorts the days, pads dates and times, and drops the end of a one-off', async () => {
    expect(await add(slot({ title: ' Group ', start: ' 9:05 ', first: '2026-1-5', weekdays: [4, 2, 4], until: '2026-03-01' }))).toMatchObject({
      title: 'Group',
      start: '09:05',
      first: '2026-01-05',
      weekdays: [2, 4],
      until: '2026-03-01',
    });
    expect(await add(slot({ until: '2027-01-01' }))).toMatchObject({ weekdays: [], until: null });
  });

  it('names the field it refuses, in the engine’s order', async () => {
    const fake = await vault();
    const refused = async (body: BodyDto) => (await fake.addRecord({ at: null, body }).catch((e) => e)).field;
    expect(await refused(slot({ sessionType: 'party' as never, title: '' }))).toBe('sessionType');
    expect(await refused(slot({ first: 'Monday', title: '' }))).toBe('first');
    expect(await refused(slot({ start: '18:30:00' }))).toBe('start');
    expect(await refused(slot({ start: '24:00' }))).toBe('start');
    expect(await refused(slot({ title: '  ' }))).toBe('title');
    expect(await refused(slot({ place: 'x'.repeat(81) }))).toBe('place');
    expect(await refused(slot({ minutes: 0 }))).toBe('minutes');
    expect(await refused(slot({ minutes: 721 }))).toBe('minutes');
    expect(await refused(slot({ weekdays: [0] }))).toBe('weekdays');
    expect(await refused(slot({ weekdays: [1], until: '2026-11-01' }))).toBe('until');
  });

  it('an occurrence: ids in lower case, a move as a day and time, a cancelled session never attended', async () => {
    const fake = await vault();
    const occ = (over: Partial<BodyDto & { kind: 'occurrence' }> = {}): BodyDto => ({
      kind: 'occurrence',
      slot: 'AB'.repeat(16),
      slotTitle: ' Group ',
      date: '2026-11-30',
      cancelled: false,
      movedTo: null,
      attendance: null,
      note: '',
      sessionNote: null,
      ...over,
    });
    const ok = await fake.addRecord({ at: null, body: occ({ movedTo: '2026-12-1T9:00', attendance: ' Missed ' as never, sessionNote: '' }) });
    expect(ok.body).toMatchObject({ slot: 'ab'.repeat(16), slotTitle: 'Group', movedTo: '2026-12-01T09:00', attendance: 'missed', sessionNote: null });
    const refused = async (body: BodyDto) => (await fake.addRecord({ at: null, body }).catch((e) => e)).field;
    expect(await refused(occ({ slot: 'nope' }))).toBe('slot');
    expect(await refused(occ({ date: '30/11/2026' }))).toBe('date');
    expect(await refused(occ({ movedTo: 'tomorrow' }))).toBe('movedTo');
    expect(await refused(occ({ attendance: 'late' as never }))).toBe('attendance');
    expect(await refused(occ({ sessionNote: 'xyz' }))).toBe('sessionNote');
    expect(await refused(occ({ cancelled: true, attendance: 'attended' }))).toBe('attendance');
    expect((await fake.addRecord({ at: null, body: occ({ cancelled: true, attendance: 'excused' }) })).body).toMatchObject({ cancelled: true });
  });
});

describe('the fake backend, morning and evening (as src/kinds/morning.rs and evening.rs)', () => {
  it('takes a body with fields left out as their empty values, as the engine’s serde defaults do', async () => {
    const fake = await vault();
    const m = await fake.addRecord({ at: null, body: { kind: 'morning', intention: ' rest ' } as BodyDto });
    expect(m.body).toEqual({ kind: 'morning', intention: 'rest', oneStep: '' });
    await expect(fake.addRecord({ at: null, body: { kind: 'evening' } as BodyDto })).rejects.toMatchObject({ field: 'wentWell' });
    await expect(fake.addRecord({ at: null, body: { kind: 'evening', peakStress: 2.5 } as BodyDto })).rejects.toMatchObject({ field: 'peakStress' });
  });
});

describe('the fake backend, the lock screen’s copy of the crisis plan (as the shell keeps it)', () => {
  it('is tidied like the record, written only while unlocked, read while locked, and deleted with null', async () => {
    const fake = await vault();
    expect(await fake.lockScreenPlan()).toBeNull();
    const plan = { warningSigns: [' not sleeping ', 'Not sleeping'], onMyOwn: [], takeMyMindOff: [], people: [{ name: ' Sam ', phone: '555', note: '' }], professionals: [], saferSurroundings: [], reasons: [] };
    await fake.setLockScreenPlan(plan);
    expect(await fake.lockScreenPlan()).toEqual({ ...plan, warningSigns: ['not sleeping'], people: [{ name: 'Sam', phone: '555', note: '' }] });
    await expect(fake.setLockScreenPlan({ ...plan, people: [{ name: '', phone: '555', note: '' }] })).rejects.toMatchObject({ field: 'people' });
    await fake.lock();
    expect((await fake.lockScreenPlan())?.warningSigns, 'readable while locked').toEqual(['not sleeping']);
    await expect(fake.setLockScreenPlan(null)).rejects.toMatchObject({ code: 'VaultLocked' });
    await fake.unlock({ passphrase: 'a fake passphrase' });
    await fake.setLockScreenPlan(null);
    expect(await fake.lockScreenPlan()).toBeNull();
  });
});

describe('the fake backend’s backups', () => {
  const FOLDER = '/backups';

  it('needs an open journal and a folder, and opens only the backups in the chosen folder', async () => {
    const fake = await vault();
    await expect(fake.backupNow()).rejects.toMatchObject({ code: 'InvalidInput', field: 'folder' });
    fake.folderDialog = null;
    expect(await fake.chooseBackupFolder(), 'cancelled').toBeNull();
    fake.folderDialog = FOLDER;
    expect((await fake.chooseBackupFolder())?.folder).toBe(FOLDER);
    const { backups } = await fake.backupNow();
    expect(backups).toHaveLength(1);
    expect(backups[0].path).toMatch(/^\/backups\/keel-backup-\d{8}-\d{6}\.keel$/);
    await expect(fake.checkBackup('/elsewhere/keel-backup-20260101-000000.keel', { passphrase: 'a fake passphrase' })).rejects.toMatchObject({ field: 'file' });
    await expect(fake.checkBackup(backups[0].path, { passphrase: 'another one' })).rejects.toMatchObject({ code: 'WrongPassphrase' });
    expect((await fake.checkBackup(backups[0].path, { passphrase: 'a fake passphrase' })).checked).toBe(fake.records.size);
    await fake.lock();
    await expect(fake.backupNow()).rejects.toMatchObject({ code: 'VaultLocked' });
    expect((await fake.backupStatus()).folder, 'readable while locked').toBe(FOLDER);
  });

  it('is due after a week without one, and rotation keeps the newest of each of 7 days, 4 weeks and 12 months', async () => {
    const fake = await vault();
    fake.backupFolder = FOLDER;
    expect((await fake.backupStatus()).due, 'a folder and no backup').toBe(true);
    const day = 86400e3;
    const start = Date.now() - 400 * day;
    // Two a day for 400 days.
    for (let i = 0; i <= 400; i++) {
      fake.makeBackup(new Date(start + i * day));
      fake.makeBackup(new Date(start + i * day + 3600e3));
    }
    const { backups, due } = await fake.backupStatus();
    expect(due).toBe(false);
    const days = new Set(backups.map((b) => b.taken.slice(0, 10)));
    expect(days.size, 'one a day, each the newest of its day').toBe(backups.length);
    expect(backups.length).toBeGreaterThanOrEqual(7 + 3 + 11 - 2);
    expect(backups.length).toBeLessThanOrEqual(7 + 4 + 12);
    fake.backupLastVerified = new Date(Date.now() - 8 * day).toISOString();
    expect((await fake.backupStatus()).due).toBe(true);
  });

  it('makes the day’s backup at the first unlock of a day and tells the page', async () => {
    const fake = await vault();
    fake.backupFolder = FOLDER;
    const told: number[] = [];
    await fake.onBackup((s) => told.push(s.backups.length));
    await fake.lock();
    await fake.unlock({ passphrase: 'a fake passphrase' });
    await fake.lock();
    await fake.unlock({ passphrase: 'a fake passphrase' });
    await waitForTold(told);
    expect(told, 'once a day').toEqual([1]);
  });
});

async function waitForTold(told: number[]) {
  for (let i = 0; i < 10 && told.length === 0; i++) await Promise.resolve();
}

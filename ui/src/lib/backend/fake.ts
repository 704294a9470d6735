// An in-memory Backend for unit tests and for previewing the UI in a browser
// (`npm run dev:fake`). It follows the engine's contract closely enough to exercise the UI;
// it encrypts nothing and keeps nothing after the page closes.
import type {
  Backend,
  BodyDto,
  ChangePassphraseRequest,
  CreatedVaultDto,
  ErrorDto,
  ListPage,
  ListQuery,
  NewRecord,
  PassphraseRequest,
  RecordDto,
  RecoverRequest,
  SearchQuery,
  Settings,
  SkillDto,
  UpdateRecord,
  VaultStatus,
} from './index';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ENTRY_KINDS = ['checkin', 'skill-use', 'session', 'journal'];

function fail(code: string, message: string, extra: Partial<ErrorDto> = {}): ErrorDto {
  return { code, message, field: null, id: null, group: null, ...extra };
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
function rfc(d: Date): string {
  const off = -d.getTimezoneOffset();
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:` +
    `${pad(d.getMinutes())}:${pad(d.getSeconds())}${off >= 0 ? '+' : '-'}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`
  );
}

function textOf(b: BodyDto): string {
  switch (b.kind) {
    case 'checkin':
      return [b.note, ...b.emotions, ...b.triggers, b.context ?? ''].join(' ');
    case 'skill-use':
      return [b.skillName, b.situation, b.note].join(' ');
    case 'session':
      return [b.title, b.facilitator, b.notes, b.takeaways, ...b.homework.map((i) => i.text), ...b.bring.map((i) => i.text)].join(' ');
    case 'journal':
      return [b.title, b.prompt, b.text, ...b.tags].join(' ');
    case 'skill':
      return [b.name, b.howTo].join(' ');
  }
}

function tagsOf(b: BodyDto): string[] {
  if (b.kind === 'journal') return b.tags;
  if (b.kind === 'checkin') return [...b.emotions, ...b.triggers];
  return [];
}

const BUILTIN_SKILLS: [string, string, string][] = [
  ['box-breathing', 'Box breathing', 'grounding'],
  ['five-senses', '5-4-3-2-1 senses', 'grounding'],
  ['tipp-cold', 'Cold water reset', 'distress-tolerance'],
  ['urge-surfing', 'Urge surfing', 'distress-tolerance'],
  ['stop', 'STOP skill', 'distress-tolerance'],
  ['opposite-action', 'Opposite action', 'emotion-regulation'],
  ['check-the-facts', 'Check the facts', 'emotion-regulation'],
  ['body-scan', 'Body scan', 'mindfulness'],
  ['leaves-stream', 'Leaves on a stream', 'mindfulness'],
  ['dear-man', 'Ask clearly (DEAR MAN)', 'interpersonal'],
  ['walk', 'Brisk walk', 'body'],
  ['call-someone', 'Call someone safe', 'connection'],
];

export class FakeBackend implements Backend {
  exists = false;
  unlocked = false;
  passphrase = '';
  recoveryGroups: string[] = [];
  records = new Map<string, RecordDto>();
  settings: Settings = { autoLockMinutes: 5, theme: 'system' };
  private lockedHandlers = new Set<() => void>();
  private seq = 0;

  constructor(opts: { passphrase?: string; recoveryGroups?: string[] } = {}) {
    if (opts.passphrase !== undefined) {
      this.exists = true;
      this.passphrase = opts.passphrase;
      this.recoveryGroups = opts.recoveryGroups ?? this.makeGroups();
      this.seedSkills();
    }
  }

  private makeGroups(): string[] {
    return Array.from({ length: 13 }, () =>
      Array.from({ length: 5 }, () => ALPHABET[Math.floor(Math.random() * 32)]).join(''),
    );
  }

  private newId(): string {
    this.seq += 1;
    return `r${String(this.seq).padStart(6, '0')}${Math.random().toString(16).slice(2, 8)}`;
  }

  seedSkills() {
    for (const [key, name, category] of BUILTIN_SKILLS) {
      const body: BodyDto = { kind: 'skill', name, category, howTo: `How to practise ${name.toLowerCase()}, in a few calm steps.`, builtin: key, favourite: key === 'box-breathing', hidden: false };
      this.insert(body, new Date(2026, 0, 1));
    }
  }

  insert(body: BodyDto, when: Date = new Date()): RecordDto {
    const at = rfc(when);
    const r: RecordDto = { id: this.newId(), revision: 1, created: at, updated: at, at, localDate: at.slice(0, 10), trashed: null, body };
    this.records.set(r.id, r);
    return r;
  }

  private guard() {
    if (!this.exists) throw fail('VaultMissing', 'no vault here yet');
    if (!this.unlocked) throw fail('VaultLocked', 'the vault is locked');
  }

  private out<T>(v: T): T {
    return structuredClone(v);
  }

  private get(id: string): RecordDto {
    const r = this.records.get(id);
    if (!r) throw fail('NotFound', `no record with id ${id}`, { id });
    return r;
  }

  private checkPassphrase(p: string, field = 'passphrase') {
    if (p.length < 8) throw fail('InvalidInput', `${field}: must be at least 8 characters`, { field });
  }

  private validate(b: BodyDto) {
    const score = (v: number | null, field: string) => {
      if (v !== null && (!Number.isInteger(v) || v < 0 || v > 10)) throw fail('InvalidInput', `${field}: must be a whole number from 0 to 10`, { field });
    };
    if (b.kind === 'checkin') {
      score(b.stress, 'stress');
      score(b.mood, 'mood');
      score(b.craving, 'craving');
    } else if (b.kind === 'skill-use') {
      if (!b.skillName.trim()) throw fail('InvalidInput', 'skillName: choose or name a skill', { field: 'skillName' });
      score(b.distressBefore, 'distressBefore');
      score(b.distressAfter, 'distressAfter');
    } else if (b.kind === 'skill') {
      if (!b.name.trim()) throw fail('InvalidInput', 'name: give the skill a name', { field: 'name' });
    }
  }

  async vaultStatus(): Promise<VaultStatus> {
    return { exists: this.exists, unlocked: this.unlocked };
  }

  async createVault(req: PassphraseRequest): Promise<CreatedVaultDto> {
    if (this.exists) throw fail('VaultExists', 'a vault already exists');
    this.checkPassphrase(req.passphrase);
    this.exists = true;
    this.unlocked = true;
    this.passphrase = req.passphrase;
    this.recoveryGroups = this.makeGroups();
    this.seedSkills();
    return { recoveryGroups: [...this.recoveryGroups] };
  }

  async unlock(req: PassphraseRequest): Promise<void> {
    if (!this.exists) throw fail('VaultMissing', 'no vault here yet');
    if (req.passphrase !== this.passphrase) throw fail('WrongPassphrase', 'that passphrase does not open this vault');
    this.unlocked = true;
  }

  async lock(): Promise<void> {
    this.unlocked = false;
  }

  async quickHide(): Promise<void> {
    this.unlocked = false;
    this.emitLocked();
  }

  emitLocked() {
    this.unlocked = false;
    for (const h of this.lockedHandlers) h();
  }

  async recover(req: RecoverRequest): Promise<void> {
    if (!this.exists) throw fail('VaultMissing', 'no vault here yet');
    const typed = req.recoveryKey.toUpperCase().replace(/[\s-]+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
    if (typed.length !== 65) throw fail('InvalidInput', 'recoveryKey: a recovery key has 13 groups of 5 characters', { field: 'recoveryKey' });
    for (let g = 0; g < 13; g++) {
      const part = typed.slice(g * 5, g * 5 + 5);
      if ([...part].some((c) => !ALPHABET.includes(c))) throw fail('RecoveryKeyMistyped', `group ${g + 1} looks mistyped`, { group: g + 1 });
      if (part !== this.recoveryGroups[g]) throw fail('RecoveryKeyMistyped', `group ${g + 1} looks mistyped`, { group: g + 1 });
    }
    this.checkPassphrase(req.newPassphrase, 'newPassphrase');
    this.passphrase = req.newPassphrase;
    this.unlocked = true;
  }

  async changePassphrase(req: ChangePassphraseRequest): Promise<void> {
    this.guard();
    if (req.current !== this.passphrase) throw fail('WrongPassphrase', 'that passphrase does not open this vault');
    this.checkPassphrase(req.new, 'new');
    this.passphrase = req.new;
  }

  async newRecoveryKey(req: PassphraseRequest): Promise<CreatedVaultDto> {
    this.guard();
    if (req.passphrase !== this.passphrase) throw fail('WrongPassphrase', 'that passphrase does not open this vault');
    this.recoveryGroups = this.makeGroups();
    return { recoveryGroups: [...this.recoveryGroups] };
  }

  async addRecord(req: NewRecord): Promise<RecordDto> {
    this.guard();
    this.validate(req.body);
    const when = req.at ? new Date(req.at) : new Date();
    const r = this.insert(structuredClone(req.body), when);
    if (req.at) {
      r.at = req.at;
      r.localDate = req.at.slice(0, 10);
    }
    return this.out(r);
  }

  async updateRecord(req: UpdateRecord): Promise<RecordDto> {
    this.guard();
    const r = this.get(req.id);
    if (r.body.kind !== req.body.kind) throw fail('InvalidInput', 'kind: a record keeps its kind', { field: 'kind' });
    this.validate(req.body);
    r.body = structuredClone(req.body);
    if (req.at) {
      r.at = req.at;
      r.localDate = req.at.slice(0, 10);
    }
    r.revision += 1;
    r.updated = rfc(new Date());
    return this.out(r);
  }

  async getRecord(id: string): Promise<RecordDto> {
    this.guard();
    return this.out(this.get(id));
  }

  async deleteRecord(id: string): Promise<RecordDto> {
    this.guard();
    const r = this.get(id);
    r.trashed = rfc(new Date());
    return this.out(r);
  }

  async restoreRecord(id: string): Promise<RecordDto> {
    this.guard();
    const r = this.get(id);
    r.trashed = null;
    return this.out(r);
  }

  async purgeRecord(id: string): Promise<void> {
    this.guard();
    this.get(id);
    this.records.delete(id);
  }

  private sorted(): RecordDto[] {
    return [...this.records.values()].sort((a, b) =>
      a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1,
    );
  }

  private page(all: RecordDto[], offset: number | null, limit: number | null): ListPage {
    const start = offset ?? 0;
    const end = limit === null ? all.length : start + limit;
    return { records: this.out(all.slice(start, end)), total: all.length, damaged: [] };
  }

  async listRecords(req: ListQuery): Promise<ListPage> {
    this.guard();
    const kinds = req.kinds.length ? req.kinds : ENTRY_KINDS;
    const text = req.text?.toLowerCase() ?? null;
    const tag = req.tag?.toLowerCase() ?? null;
    const all = this.sorted().filter(
      (r) =>
        kinds.includes(r.body.kind) &&
        (req.trash ? r.trashed !== null : r.trashed === null) &&
        (!req.since || r.localDate >= req.since) &&
        (!req.until || r.localDate <= req.until) &&
        (!tag || tagsOf(r.body).some((t) => t.toLowerCase() === tag)) &&
        (!text || textOf(r.body).toLowerCase().includes(text)),
    );
    return this.page(all, req.offset, req.limit);
  }

  async searchRecords(req: SearchQuery): Promise<ListPage> {
    this.guard();
    const words = req.text.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return { records: [], total: 0, damaged: [] };
    const all = this.sorted().filter((r) => {
      if (r.trashed || !ENTRY_KINDS.includes(r.body.kind)) return false;
      const t = textOf(r.body).toLowerCase();
      return words.every((w) => t.includes(w));
    });
    return this.page(all, 0, req.limit);
  }

  async listSkills(includeHidden: boolean): Promise<RecordDto[]> {
    this.guard();
    const skills = [...this.records.values()].filter(
      (r): r is RecordDto & { body: { kind: 'skill' } & SkillDto } =>
        r.body.kind === 'skill' && r.trashed === null && (includeHidden || !r.body.hidden),
    );
    skills.sort((a, b) =>
      a.body.favourite !== b.body.favourite ? (a.body.favourite ? -1 : 1) : a.body.name.localeCompare(b.body.name),
    );
    return this.out(skills);
  }

  async getSettings(): Promise<Settings> {
    return { ...this.settings };
  }

  async setSettings(req: Settings): Promise<Settings> {
    if (!Number.isInteger(req.autoLockMinutes) || req.autoLockMinutes < 1 || req.autoLockMinutes > 240) {
      throw fail('InvalidInput', 'autoLockMinutes: must be from 1 to 240 minutes', { field: 'autoLockMinutes' });
    }
    if (!['light', 'dark', 'system'].includes(req.theme)) throw fail('InvalidInput', 'theme: light, dark or system', { field: 'theme' });
    this.settings = { ...req };
    return { ...this.settings };
  }

  async onLocked(handler: () => void): Promise<() => void> {
    this.lockedHandlers.add(handler);
    return () => this.lockedHandlers.delete(handler);
  }
}

/** Fill a fake vault with `n` plausible entries spread over the past, for previews. */
export async function seedDemo(fake: FakeBackend, n: number): Promise<void> {
  if (fake.exists) return;
  fake.exists = true;
  fake.passphrase = 'correct horse battery';
  fake.recoveryGroups = Array.from({ length: 13 }, (_, i) => `ABCD${i % 10}`);
  fake.seedSkills();
  const notes = ['Long day at work', 'Felt steadier after group', 'Tired, skipped lunch', 'Call with my sponsor helped', ''];
  const now = Date.now();
  const step = Math.max(20 * 60 * 1000, Math.floor((365 * 24 * 3600 * 1000) / Math.max(1, n)));
  for (let i = 0; i < n; i++) {
    const when = new Date(now - i * step - 3600 * 1000);
    const k = i % 7;
    let body: BodyDto;
    if (k < 4) {
      body = { kind: 'checkin', stress: (i * 7) % 11, mood: (i * 3) % 11, craving: i % 4, sleepHours: 7, halt: { hungry: i % 5 === 0, angry: false, lonely: i % 6 === 0, tired: i % 3 === 0 }, emotions: i % 2 ? ['anxious'] : ['calm'], triggers: i % 4 ? [] : ['deadline'], context: 'work', note: notes[i % notes.length] };
    } else if (k === 4) {
      body = { kind: 'skill-use', skillId: null, skillName: 'Box breathing', situation: 'Before a meeting', distressBefore: 7, distressAfter: 4, urgeBefore: 3, urgeAfter: 1, minutes: 5, note: '' };
    } else if (k === 5) {
      body = { kind: 'session', sessionType: 'group', title: `Group ${i}`, facilitator: 'Dr. Rivera', notes: '## Check-in round\n- Talked about **sleep**\n- Practised urge surfing', takeaways: 'Notice the wave, do not fight it.', homework: [{ text: 'Practise box breathing daily', done: i > 20 }], bring: [{ text: 'Ask about the weekend plan', done: i > 20 }], attended: true };
    } else {
      body = { kind: 'journal', title: `Evening notes ${i}`, prompt: 'What went well today?', text: 'Took a walk at lunch. Noticed the urge and let it pass.', tags: i % 2 ? ['work'] : ['family'] };
    }
    fake.insert(body, when);
  }
}

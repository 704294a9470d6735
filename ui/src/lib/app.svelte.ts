// The UI's state. Everything decrypted lives here or in components under the unlocked shell;
// `reset()` (on lock) drops all of it.
import type { Backend, BodyDto, ClockStatusDto, RecordDto, Settings, VaultHealthDto, VaultStatus } from './backend';
import { listQuery } from './backend';
import { errorCode, errorMessage } from './errors';
import type { EntryKind } from './kinds';
import { localDay } from './time';
import { labelOverrides } from './kinds/overrides.svelte';

export type Phase = 'loading' | 'firstrun' | 'locked' | 'unlocked' | 'failed';
export type View = 'today' | 'programme' | 'history' | 'search' | 'skills' | 'diary' | 'questionnaires' | 'insights' | 'report' | 'plan' | 'surf' | 'trash' | 'settings' | 'help' | 'edit' | 'check';

export interface Editing {
  /** An entry kind: one the editor writes, or a record from a newer Keel (shown, not edited). */
  kind: EntryKind;
  record: RecordDto | null;
  /** Where to go back to. */
  from: View;
  /** For a new entry: what it starts with (a skill use of a chosen skill), instead of empty. */
  prefill?: BodyDto;
}

export interface Toast {
  id: number;
  text: string;
  undo?: () => Promise<void> | void;
}

/** The engine's defaults, until the saved settings arrive. */
export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 5,
  theme: 'system',
  hideWhenUnfocused: true,
  cravingLabel: '',
  showHalt: true,
  sessionLabel: '',
};

/** Words the user may change or hide, so nothing on screen names a condition they'd rather not. */
export interface Labels {
  craving: string;
  showHalt: boolean;
  session: string;
}

/** How long a toast stays: a plain confirmation, and one with Undo. */
export const TOAST_MS = 4000;
export const TOAST_UNDO_MS = 8000;

export class AppState {
  phase = $state<Phase>('loading');
  view = $state<View>('today');
  settings = $state<Settings>({ ...DEFAULT_SETTINGS });
  startupError = $state('');
  /** Today's entries, newest first. */
  today = $state<RecordDto[]>([]);
  /** Session notes with open items. */
  sessions = $state<RecordDto[]>([]);
  /** Recent coping-skill uses. */
  recentSkillUses = $state<RecordDto[]>([]);
  /** The skill library (visible ones), favourites first. */
  skills = $state<RecordDto[]>([]);
  /** The person's own trackers still asked in check-ins, by name. */
  trackers = $state<RecordDto[]>([]);
  /** Where each clock stands now. */
  clocks = $state<ClockStatusDto[]>([]);
  /** A lapse was just logged: Today opens with a kind word and help one click away. */
  afterLapse = $state(false);
  /** Where urge surfing was started from (Today or Coping skills), to go back to after. */
  surfFrom = $state<View>('today');
  /** An urge-surfing timer is running: the idle lock counts it as the person being here while
   * Keel's window has the focus (a 20-minute ride is not idleness), and only until it ends. */
  surfing = $state(false);
  /** Check-ins and journal entries marked "bring to my next session" since the last session. */
  marked = $state<RecordDto[]>([]);
  editing = $state<Editing | null>(null);
  toasts = $state<Toast[]>([]);
  /** Bumped whenever records change, so views reload. */
  changes = $state(0);
  /** What the engine found at unlock (entries that did not open, a changed set of entries);
   * null until asked, or when it could not be asked. */
  health = $state<VaultHealthDto | null>(null);
  /** Bumped whenever Keel locks (idle, quick hide, Ctrl+L, the shell): every screen that shows
   * or takes a secret (a passphrase, a recovery key) clears it when this changes. */
  wipes = $state(0);
  /** Bumped by the tray's "Quick check-in" while Today is open: its check-in takes the focus. */
  checkinRequests = $state(0);
  /** The newest shell status applied: an older one (a reply overtaken by a lock) is ignored,
   * and one as old is the state already shown. Sent with unlock, so a lock since wins. */
  epoch = -1;
  private toastSeq = 0;
  private toastsHeld = false;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- timer handles, not UI state
  private toastTimers = new Map<number, ReturnType<typeof setTimeout>>();
  private unlisten: (() => void) | null = null;

  constructor(readonly backend: Backend) {}

  get labels(): Labels {
    // The words themselves are kept in `labelOverrides` (set with the settings), which the
    // plain modules (row pills, kind labels) read too.
    return {
      craving: labelOverrides.craving || 'Craving',
      showHalt: this.settings.showHalt,
      session: labelOverrides.session || 'Session note',
    };
  }


  async start(): Promise<void> {
    try {
      // Independent calls: ask for all three at once, so the first screen waits for one
      // round trip, not three.
      const [unlisten, settings, status] = await Promise.all([
        this.backend.onState((st) => void this.apply(st)),
        this.backend.getSettings(),
        this.backend.vaultStatus(),
      ]);
      performance.mark('keel:status');
      this.unlisten = unlisten;
      this.useSettings(settings);
      await this.apply(status);
    } catch (e) {
      this.startupError = errorMessage(e);
      this.phase = 'failed';
    }
  }

  stop(): void {
    this.unlisten?.();
    this.unlisten = null;
  }

  /**
   * Show what the shell says, the one source of truth: its newest status by epoch. A status
   * older than one already applied is ignored (an unlock reply overtaken by a lock). Locked or
   * no journal: every decrypted record and every secret on screen is dropped. Open: Today.
   */
  async apply(status: VaultStatus): Promise<void> {
    // Every change of the shell's state bumps its epoch: a status no newer than the one shown is
    // the state already on screen (a window brought forward by a later launch), and what the
    // person is typing stays.
    if (status.epoch <= this.epoch) return;
    this.epoch = status.epoch;
    if (!status.unlocked) {
      this.reset();
      this.phase = status.exists ? 'locked' : 'firstrun';
      return;
    }
    if (this.phase === 'unlocked') return;
    this.view = 'today';
    this.phase = 'unlocked';
    try {
      await Promise.all([this.refreshToday(), this.refreshHealth()]);
    } catch (e) {
      // The shell locked before Today loaded: its event is on the way; ask, to be sure.
      if (errorCode(e) === 'VaultLocked') await this.apply(await this.backend.vaultStatus());
      else throw e;
    }
  }

  /** Ask the engine what it found at unlock. Never fails: without an answer, nothing is shown. */
  async refreshHealth(): Promise<void> {
    if (this.phase !== 'unlocked') return;
    try {
      const health = await this.backend.vaultHealth();
      if (this.phase === 'unlocked') this.health = health;
    } catch {
      this.health = null;
    }
  }

  /** Drop every decrypted record, every piece of entry state and every secret on screen. */
  reset(): void {
    this.today = [];
    this.sessions = [];
    this.recentSkillUses = [];
    this.skills = [];
    this.trackers = [];
    this.clocks = [];
    this.afterLapse = false;
    this.surfing = false;
    this.marked = [];
    this.editing = null;
    this.health = null;
    for (const t of this.toasts) this.clearToastTimer(t.id);
    this.toasts = [];
    this.toastsHeld = false;
    this.view = 'today';
    this.changes += 1;
    this.wipes += 1;
  }

  /** Lock now (Ctrl+L, the page's idle lock): the screen is cleared before the shell answers. */
  async lock(): Promise<void> {
    this.reset();
    if (this.phase === 'unlocked') this.phase = 'locked';
    try {
      await this.apply(await this.backend.lock());
    } catch {
      // The shell is gone; the screen is cleared either way.
    }
  }

  async quickHide(): Promise<void> {
    this.reset();
    if (this.phase === 'unlocked') this.phase = 'locked';
    try {
      await this.backend.quickHide();
    } catch {
      // The screen is already cleared.
    }
  }

  /** The tray's "Quick check-in" (the shell has brought the window forward): Today, with its
   * check-in focused; an editor open is left, as the sidebar leaves it. Locked, nothing changes:
   * unlocking opens on Today with the check-in focused. */
  quickCheckin(): void {
    if (this.phase !== 'unlocked') return;
    this.editing = null;
    this.view = 'today';
    this.checkinRequests += 1;
  }

  async refreshToday(): Promise<void> {
    if (this.phase !== 'unlocked') return;
    const day = localDay();
    const [today, sessions, uses, skills, trackers, clocks] = await Promise.all([
      this.backend.listRecords(listQuery({ since: day, until: day, limit: 200 })),
      this.backend.listRecords(listQuery({ kinds: ['session'], limit: 30 })),
      this.backend.listRecords(listQuery({ kinds: ['skill-use'], limit: 5 })),
      this.backend.listSkills(false),
      this.backend.listTrackers(false),
      this.backend.clockStatus(),
    ]);
    // Marked to bring since the newest attended session (or ever, before the first): asked
    // from that session's day on, so a save does not ship months of entries over IPC.
    const last = sessions.records.find((r) => r.body.kind === 'session' && r.body.attended);
    const recent = await this.backend.listRecords(
      listQuery({ kinds: ['checkin', 'journal'], since: last?.localDate ?? null, limit: 200 }),
    );
    if (this.phase !== 'unlocked') return;
    const after = last ? Date.parse(last.at) : -Infinity;
    this.marked = recent.records.filter(
      (r) => (r.body.kind === 'checkin' || r.body.kind === 'journal') && r.body.bring && Date.parse(r.at) > after,
    );
    this.today = today.records;
    this.sessions = sessions.records;
    this.recentSkillUses = uses.records;
    this.skills = skills;
    this.trackers = trackers;
    this.clocks = clocks;
  }

  changed(): void {
    this.changes += 1;
    void this.refreshToday().catch(() => {});
  }

  async add(body: BodyDto, at: string | null = null): Promise<RecordDto> {
    const r = await this.backend.addRecord({ at, body });
    this.changed();
    return r;
  }

  async update(id: string, body: BodyDto, at: string | null = null): Promise<RecordDto> {
    const r = await this.backend.updateRecord({ id, at, body });
    this.changed();
    return r;
  }

  /** Move to the trash, with an Undo toast. */
  async trash(r: RecordDto): Promise<void> {
    await this.backend.trashRecord(r.id);
    this.changed();
    this.toast('Moved to Trash.', async () => {
      await this.backend.restoreRecord(r.id);
      this.changed();
    });
  }

  /**
   * Show a short message. Plain confirmations last 4 s, ones with Undo 8 s (time to act). At most
   * two show at once: the newest plain one and the newest with Undo; a new one replaces its kind.
   */
  toast(text: string, undo?: Toast['undo']): void {
    const id = ++this.toastSeq;
    const replaced = this.toasts.filter((t) => !!t.undo === !!undo);
    for (const t of replaced) this.clearToastTimer(t.id);
    this.toasts = [...this.toasts.filter((t) => !!t.undo !== !!undo), { id, text, undo }];
    this.startToastTimer(id);
  }

  dismiss(id: number): void {
    this.clearToastTimer(id);
    this.toasts = this.toasts.filter((t) => t.id !== id);
    if (this.toasts.length === 0) this.toastsHeld = false;
  }

  /** Dismiss the newest toast; false if there was none. */
  dismissNewest(): boolean {
    const last = this.toasts.at(-1);
    if (!last) return false;
    this.dismiss(last.id);
    return true;
  }

  /** Keep toasts up while the pointer or focus is on them; restart their timers after. */
  holdToasts(hold: boolean): void {
    for (const t of this.toasts) {
      this.clearToastTimer(t.id);
      if (!hold) this.startToastTimer(t.id);
    }
    this.toastsHeld = hold;
  }

  private startToastTimer(id: number): void {
    if (this.toastsHeld) return;
    const t = this.toasts.find((x) => x.id === id);
    if (!t) return;
    this.toastTimers.set(id, setTimeout(() => this.dismiss(id), t.undo ? TOAST_UNDO_MS : TOAST_MS));
  }

  private clearToastTimer(id: number): void {
    const timer = this.toastTimers.get(id);
    if (timer !== undefined) clearTimeout(timer);
    this.toastTimers.delete(id);
  }

  /** Open urge surfing, remembering where from. */
  surf(): void {
    if (this.view !== 'surf' && this.view !== 'edit') this.surfFrom = this.view;
    this.editing = null;
    this.view = 'surf';
  }

  edit(kind: EntryKind, record: RecordDto | null = null, prefill?: BodyDto): void {
    const from = this.view === 'edit' ? (this.editing?.from ?? 'today') : this.view;
    this.editing = { kind, record, from, prefill };
    this.view = 'edit';
  }

  closeEditor(): void {
    this.view = this.editing?.from ?? 'today';
    this.editing = null;
  }

  async saveSettings(next: Settings): Promise<void> {
    this.useSettings(await this.backend.setSettings(next));
  }

  private useSettings(s: Settings): void {
    this.settings = s;
    labelOverrides.session = s.sessionLabel.trim();
    labelOverrides.craving = s.cravingLabel.trim();
  }
}

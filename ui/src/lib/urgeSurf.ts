// Urge surfing: a timer for riding out a craving (20 minutes unless the person adds more), the
// urge rated at the start, every five minutes along the way and at the end. Plain TypeScript
// with an injected clock, so the timing is tested with fake timers; the screen
// (views/Surf.svelte) only draws what `snapshot()` says. Nothing here makes a sound.
import type { UrgeMark } from './backend';
import type { Body } from './kinds';

/** The default length, in minutes. */
export const SURF_MINUTES = 20;
/** What "5 more minutes" adds. */
export const EXTEND_MINUTES = 5;
/** A quiet prompt to rate the urge comes every this many minutes. */
export const PROMPT_EVERY_MINUTES = 5;
/** The name the coping-skill use is saved under. */
export const SURF_SKILL_NAME = 'Urge surfing';
/** The built-in library skill's key (src/skills.rs). */
export const SURF_SKILL_KEY = 'urge-surfing';

const MINUTE = 60_000;
/** The engine's limit on a skill use's minutes (a day). */
const MAX_MINUTES = 24 * 60;

/** Time and a repeating timer, injected so tests can drive them. */
export interface SurfClock {
  now(): number;
  /** Calls `fn` every `ms` until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
}

export const systemClock: SurfClock = {
  now: () => Date.now(),
  every: (ms, fn) => {
    const h = setInterval(fn, ms);
    return () => clearInterval(h);
  },
};

export type SurfPhase = 'ready' | 'surfing' | 'ended';

export interface SurfSnapshot {
  phase: SurfPhase;
  /** How long the ride is planned to last now (20, then 5 more per extension). */
  plannedMinutes: number;
  /** Milliseconds since the start (to the end, once ended). */
  elapsedMs: number;
  /** Whole minutes left, rounded up: "12 minutes left" until 11 minutes remain. */
  minutesLeft: number;
  urgeBefore: number | null;
  /** The ratings along the way, in time order. */
  urgeAlong: UrgeMark[];
  /** The minute of the prompt on screen (5, 10, 15…), or null. */
  prompt: number | null;
  /** The rating given to that prompt so far. */
  promptUrge: number | null;
  /** Ended by "Stop here" rather than by the time running out. */
  stoppedEarly: boolean;
  /** The rating at the end. */
  urgeAfter: number | null;
  /** Whole minutes spent, as saved. */
  minutesSpent: number;
}

export class UrgeSurf {
  private phase: SurfPhase = 'ready';
  private planned = SURF_MINUTES;
  private startedAt = 0;
  private endedAt: number | null = null;
  private urgeBefore: number | null = null;
  private marks: UrgeMark[] = [];
  private prompt: number | null = null;
  /** The latest minute a prompt was given (or skipped, as the end rating stands for it). */
  private lastPrompt = 0;
  private stoppedEarly = false;
  private urgeAfter: number | null = null;
  private stopTicking: (() => void) | null = null;

  constructor(
    private readonly clock: SurfClock = systemClock,
    private readonly onChange: (s: SurfSnapshot) => void = () => {},
    /** How often the time is looked at (the words change once a minute at most). */
    private readonly tickMs = 1_000,
  ) {}

  /** Starts the ride with the urge as it is now (or unrated). */
  start(urgeBefore: number | null, minutes = SURF_MINUTES): void {
    if (this.phase !== 'ready') return;
    this.urgeBefore = urgeBefore;
    this.planned = minutes;
    this.startedAt = this.clock.now();
    this.phase = 'surfing';
    this.tickAlong();
    this.emit();
  }

  /** Rates the urge for the prompt on screen; a new rating replaces it, null takes it back. */
  rate(urge: number | null): void {
    if (this.phase !== 'surfing' || this.prompt === null) return;
    const minute = this.prompt;
    this.marks = this.marks.filter((m) => m.minute !== minute);
    if (urge !== null) this.marks = [...this.marks, { minute, urge }].sort((a, b) => a.minute - b.minute);
    this.emit();
  }

  /** Five more minutes: while riding, the end moves; once the time ran out, the ride goes on
   * (an end rating already given is kept as the rating at that minute). */
  extend(): void {
    if (this.phase === 'surfing') {
      this.planned += EXTEND_MINUTES;
    } else if (this.phase === 'ended' && !this.stoppedEarly) {
      if (this.urgeAfter !== null) {
        const minute = this.planned;
        this.marks = [...this.marks.filter((m) => m.minute !== minute), { minute, urge: this.urgeAfter }];
      }
      this.lastPrompt = this.planned;
      this.urgeAfter = null;
      this.endedAt = null;
      this.planned += EXTEND_MINUTES;
      this.phase = 'surfing';
      this.tickAlong();
    } else {
      return;
    }
    this.emit();
  }

  /** Ends the ride now, before the time is up. */
  stop(): void {
    if (this.phase !== 'surfing') return;
    this.end(true);
  }

  /** The urge at the end (null takes it back). */
  rateEnd(urge: number | null): void {
    if (this.phase !== 'ended') return;
    this.urgeAfter = urge;
    this.emit();
  }

  /** The coping-skill use to save: the library skill's id when there is one. */
  body(skillId: string | null = null): Body<'skill-use'> {
    return {
      kind: 'skill-use',
      skillId,
      skillName: SURF_SKILL_NAME,
      situation: '',
      distressBefore: null,
      distressAfter: null,
      urgeBefore: this.urgeBefore,
      urgeAfter: this.urgeAfter,
      minutes: this.minutesSpent(),
      note: '',
      urgeAlong: this.marks.map((m) => ({ ...m })),
    };
  }

  snapshot(): SurfSnapshot {
    const elapsedMs = this.elapsed();
    return {
      phase: this.phase,
      plannedMinutes: this.planned,
      elapsedMs,
      minutesLeft: Math.max(0, Math.ceil((this.planned * MINUTE - elapsedMs) / MINUTE)),
      urgeBefore: this.urgeBefore,
      urgeAlong: this.marks.map((m) => ({ ...m })),
      prompt: this.prompt,
      promptUrge: this.marks.find((m) => m.minute === this.prompt)?.urge ?? null,
      stoppedEarly: this.stoppedEarly,
      urgeAfter: this.urgeAfter,
      minutesSpent: this.minutesSpent(),
    };
  }

  /** Stops the timer (the screen was left). */
  dispose(): void {
    this.stopTicking?.();
    this.stopTicking = null;
  }

  private elapsed(): number {
    if (this.phase === 'ready') return 0;
    return Math.max(0, (this.endedAt ?? this.clock.now()) - this.startedAt);
  }

  private minutesSpent(): number {
    return Math.min(MAX_MINUTES, Math.round(this.elapsed() / MINUTE));
  }

  private tickAlong(): void {
    this.dispose();
    this.stopTicking = this.clock.every(this.tickMs, () => this.tick());
  }

  private tick(): void {
    if (this.phase !== 'surfing') return;
    const elapsed = this.elapsed();
    if (elapsed >= this.planned * MINUTE) {
      this.end(false);
      return;
    }
    const due = Math.floor(elapsed / MINUTE / PROMPT_EVERY_MINUTES) * PROMPT_EVERY_MINUTES;
    if (due > this.lastPrompt) {
      this.lastPrompt = due;
      this.prompt = due;
    }
    this.emit();
  }

  private end(early: boolean): void {
    this.dispose();
    this.endedAt = early ? this.clock.now() : this.startedAt + this.planned * MINUTE;
    this.phase = 'ended';
    this.stoppedEarly = early;
    this.prompt = null;
    this.emit();
  }

  private emit(): void {
    this.onChange(this.snapshot());
  }
}

/** "12 minutes left", "1 minute left". */
export function minutesLeftWords(minutes: number): string {
  return minutes === 1 ? '1 minute left' : `${minutes} minutes left`;
}

/** Whether a library skill is urge surfing (the built-in one, or one the person named so). */
export function isUrgeSurfing(body: { name: string; builtin: string | null }): boolean {
  return body.builtin === SURF_SKILL_KEY || body.name.trim().toLowerCase() === SURF_SKILL_NAME.toLowerCase();
}

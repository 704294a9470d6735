// Telling the shell the user is here. The shell runs its own idle lock, counting from the last
// IPC call or activity report, so a hung page cannot keep the key in memory; the page reports
// key presses, clicks and scrolling, at most once every 30 seconds.

/** How often, at most, activity is reported. */
export const ACTIVITY_EVERY_MS = 30_000;

/** What counts as the user being here (not mere pointer movement). */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

export interface Throttled {
  /** Runs `fn` now if it has not run in the last `everyMs`; otherwise once that time is up. */
  call(): void;
  /** Drops a pending run and stops the timer. */
  cancel(): void;
}

/**
 * `fn` at most once every `everyMs`: the first call runs at once; calls during the following
 * `everyMs` are folded into one run when it ends. So the last activity is never reported more
 * than `everyMs` late, and the shell never sees the user as idle sooner than the page does.
 */
export function throttle(fn: () => void, everyMs: number): Throttled {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = false;
  const wait = () => {
    timer = setTimeout(() => {
      timer = null;
      if (pending) {
        pending = false;
        fn();
        wait();
      }
    }, everyMs);
  };
  return {
    call() {
      if (timer === null) {
        fn();
        wait();
      } else {
        pending = true;
      }
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = false;
    },
  };
}

/** Report activity on `target` through `report`, throttled; returns a stop function. A report
 * that fails (the shell already locked) is ignored: the locked event says so. Events while the
 * window lacks focus are not reported: scrolling over Keel in the background is not the user. */
export function watchActivity(
  report: () => Promise<unknown> | void,
  target: Window = window,
  everyMs = ACTIVITY_EVERY_MS,
  hasFocus: () => boolean = () => document.hasFocus(),
): () => void {
  const t = throttle(() => {
    try {
      void Promise.resolve(report()).catch(() => {});
    } catch {
      // As a rejected report: nothing to do.
    }
  }, everyMs);
  const onActivity = () => {
    if (hasFocus()) t.call();
  };
  for (const ev of ACTIVITY_EVENTS) target.addEventListener(ev, onActivity, { passive: true, capture: true });
  return () => {
    t.cancel();
    for (const ev of ACTIVITY_EVENTS) target.removeEventListener(ev, onActivity, { capture: true });
  };
}

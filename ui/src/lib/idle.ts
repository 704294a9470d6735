// Auto-lock: call `onIdle` once no key or pointer activity has been seen for `limitMs`.
// Only activity while the window has focus counts: a pointer passing over Keel in the
// background is not the user at the journal, and must not keep it open.

const EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function watchIdle(
  limitMs: number,
  onIdle: () => void,
  target: Window = window,
  checkEveryMs = 5_000,
  hasFocus: () => boolean = () => document.hasFocus(),
  /** Something on screen the person is following without touching it (an urge-surfing timer
   * running): while it says so and the window has the focus, that counts as activity. */
  present: () => boolean = () => false,
): () => void {
  let last = Date.now();
  let fired = false;
  const touch = () => {
    if (!hasFocus()) return;
    last = Date.now();
    fired = false;
  };
  for (const ev of EVENTS) target.addEventListener(ev, touch, { passive: true, capture: true });
  const timer = setInterval(() => {
    if (present()) touch();
    if (!fired && Date.now() - last >= limitMs) {
      fired = true;
      onIdle();
    }
  }, Math.min(checkEveryMs, limitMs));
  return () => {
    clearInterval(timer);
    for (const ev of EVENTS) target.removeEventListener(ev, touch, { capture: true });
  };
}

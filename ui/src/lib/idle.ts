// Auto-lock: call `onIdle` once no key or pointer activity has been seen for `limitMs`.

const EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function watchIdle(
  limitMs: number,
  onIdle: () => void,
  target: Window = window,
  checkEveryMs = 5_000,
): () => void {
  let last = Date.now();
  let fired = false;
  const touch = () => {
    last = Date.now();
    fired = false;
  };
  for (const ev of EVENTS) target.addEventListener(ev, touch, { passive: true, capture: true });
  const timer = setInterval(() => {
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

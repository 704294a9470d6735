import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchIdle } from './idle';

afterEach(() => {
  vi.useRealTimers();
});

describe('watchIdle', () => {
  it('locks after the idle minutes, and activity postpones it', () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    const stop = watchIdle(5 * 60_000, onIdle, window, 5_000, () => true);
    vi.advanceTimersByTime(4 * 60_000);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    vi.advanceTimersByTime(4 * 60_000);
    expect(onIdle, 'a key press restarts the idle clock').not.toHaveBeenCalled();
    vi.advanceTimersByTime(61_000);
    expect(onIdle).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(10 * 60_000);
    expect(onIdle, 'fires once per idle spell').toHaveBeenCalledOnce();
    stop();
  });

  it('counts activity only while the window has focus', () => {
    vi.useFakeTimers();
    let focused = false;
    const onIdle = vi.fn();
    const stop = watchIdle(5 * 60_000, onIdle, window, 5_000, () => focused);
    vi.advanceTimersByTime(4 * 60_000);
    // A pointer passing over (or scrolling) a window in the background is not the user here.
    for (const e of [new PointerEvent('pointermove'), new WheelEvent('wheel'), new PointerEvent('pointerdown')]) {
      window.dispatchEvent(e);
    }
    vi.advanceTimersByTime(61_000);
    expect(onIdle, 'events while unfocused do not postpone the lock').toHaveBeenCalledOnce();

    focused = true;
    window.dispatchEvent(new PointerEvent('pointermove'));
    vi.advanceTimersByTime(4 * 60_000);
    window.dispatchEvent(new PointerEvent('pointermove'));
    vi.advanceTimersByTime(4 * 60_000);
    expect(onIdle, 'events while focused postpone it').toHaveBeenCalledOnce();
    vi.advanceTimersByTime(60_000 + 5_000);
    expect(onIdle, 'and it locks again once they stop').toHaveBeenCalledTimes(2);
    stop();
  });

  it('something followed on screen (a running urge-surfing timer) counts only while focused, and only while it runs', () => {
    vi.useFakeTimers();
    let focused = true;
    let surfing = true;
    const onIdle = vi.fn();
    const stop = watchIdle(5 * 60_000, onIdle, window, 5_000, () => focused, () => surfing);
    vi.advanceTimersByTime(20 * 60_000);
    expect(onIdle, 'a 20-minute ride in the focused window is not idleness').not.toHaveBeenCalled();
    focused = false;
    vi.advanceTimersByTime(5 * 60_000 + 5_000);
    expect(onIdle, 'another window in front: the lock counts again').toHaveBeenCalledOnce();
    onIdle.mockClear();
    focused = true;
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    surfing = false;
    vi.advanceTimersByTime(5 * 60_000 + 5_000);
    expect(onIdle, 'once the ride ends, idle minutes lock as ever').toHaveBeenCalledOnce();
    stop();
  });
});

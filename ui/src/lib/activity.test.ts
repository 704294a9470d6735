import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTIVITY_EVERY_MS, throttle, watchActivity } from './activity';

afterEach(() => {
  vi.useRealTimers();
});

describe('throttle', () => {
  it('runs at once, then at most once every interval, folding calls in between into one', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const t = throttle(fn, 30_000);
    t.call();
    expect(fn, 'the first call runs at once').toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5_000);
    t.call();
    t.call();
    vi.advanceTimersByTime(20_000);
    expect(fn, 'nothing more within 30 s').toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5_000);
    expect(fn, 'the calls in between run once when the 30 s are up').toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(29_999);
    t.call();
    expect(fn, 'still at most once every 30 s').toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(120_000);
    expect(fn, 'nothing runs without calls').toHaveBeenCalledTimes(3);
    t.call();
    expect(fn, 'after a quiet spell, a call runs at once again').toHaveBeenCalledTimes(4);
  });

  it('cancel drops a pending run', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const t = throttle(fn, 30_000);
    t.call();
    t.call();
    t.cancel();
    vi.advanceTimersByTime(60_000);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('watchActivity', () => {
  it('reports key presses, clicks and scrolling at most once every 30 s, not pointer movement', () => {
    vi.useFakeTimers();
    const report = vi.fn(async () => {});
    const stop = watchActivity(report, window, ACTIVITY_EVERY_MS, () => true);
    window.dispatchEvent(new PointerEvent('pointermove'));
    expect(report, 'moving the pointer is not activity').not.toHaveBeenCalled();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    expect(report).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new PointerEvent('pointerdown'));
    window.dispatchEvent(new WheelEvent('wheel'));
    expect(report).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(ACTIVITY_EVERY_MS);
    expect(report, 'the activity within the 30 s is reported when they are up').toHaveBeenCalledTimes(2);
    stop();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'b' }));
    vi.advanceTimersByTime(5 * ACTIVITY_EVERY_MS);
    expect(report, 'nothing after stop').toHaveBeenCalledTimes(2);
  });

  it('ignores a report the shell refuses', async () => {
    vi.useFakeTimers();
    const report = vi.fn(() => Promise.reject(new Error('locked')));
    const stop = watchActivity(report, window, ACTIVITY_EVERY_MS, () => true);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    await Promise.resolve();
    expect(report).toHaveBeenCalledTimes(1);
    stop();
  });

  it('reports nothing while the window does not have focus', () => {
    vi.useFakeTimers();
    let focused = false;
    const report = vi.fn(async () => {});
    const stop = watchActivity(report, window, ACTIVITY_EVERY_MS, () => focused);
    window.dispatchEvent(new PointerEvent('pointerdown'));
    window.dispatchEvent(new WheelEvent('wheel'));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    vi.advanceTimersByTime(2 * ACTIVITY_EVERY_MS);
    expect(report, 'events while unfocused are not reported').not.toHaveBeenCalled();
    focused = true;
    window.dispatchEvent(new WheelEvent('wheel'));
    expect(report, 'events while focused are').toHaveBeenCalledTimes(1);
    stop();
  });
});


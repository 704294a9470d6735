import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchIdle } from './idle';

afterEach(() => {
  vi.useRealTimers();
});

describe('watchIdle', () => {
  it('locks after the idle minutes, and activity postpones it', () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    const stop = watchIdle(5 * 60_000, onIdle);
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
});

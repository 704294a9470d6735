import { describe, expect, it } from 'vitest';
import { ERROR_CODES, GENERIC_MESSAGE, errorMessage } from './errors';
import type { ErrorDto } from './backend';

const dto = (code: string, extra: Partial<ErrorDto> = {}): ErrorDto => ({
  code,
  message: 'raw engine text',
  field: null,
  id: null,
  group: null,
  ...extra,
});

describe('errorMessage', () => {
  it('phrases every engine error code in its own plain words', () => {
    const required = [
      'WrongPassphrase', 'WrongRecoveryKey', 'RecoveryKeyMistyped', 'VaultLocked', 'VaultInUse',
      'VaultMissing', 'VaultExists', 'VaultFromNewerVersion', 'VaultDamaged', 'WeakKdfParameters',
      'RecordTampered', 'NotFound', 'AmbiguousId', 'InvalidInput', 'Io', 'Database',
    ];
    for (const code of required) expect(ERROR_CODES, code).toContain(code);
    const seen = new Set<string>();
    for (const code of ERROR_CODES) {
      const m = errorMessage(dto(code, { field: 'stress', group: 3 }));
      expect(m, `${code} needs a message`).not.toBe(GENERIC_MESSAGE);
      expect(m.length).toBeGreaterThan(10);
      seen.add(m);
    }
    expect(seen.size, 'each code reads differently').toBe(ERROR_CODES.length);
  });

  it('names the mistyped recovery-key group', () => {
    expect(errorMessage(dto('RecoveryKeyMistyped', { group: 7 }))).toMatch(/group 7/i);
  });

  it('uses the field for invalid input', () => {
    const m = errorMessage(dto('InvalidInput', { field: 'sleepHours', message: 'sleepHours: must be from 0 to 24' }));
    expect(m).toBe('Sleep hours: must be from 0 to 24.');
  });

  it('falls back calmly for unknown errors and non-DTOs', () => {
    expect(errorMessage(dto('Whatever'))).toBe(GENERIC_MESSAGE);
    expect(errorMessage(new Error('boom'))).toBe(GENERIC_MESSAGE);
    expect(errorMessage('x')).toBe(GENERIC_MESSAGE);
  });
});

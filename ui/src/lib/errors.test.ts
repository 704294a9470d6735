import { describe, expect, it } from 'vitest';
import { ERROR_CODES, GENERIC_MESSAGE, errorMessage } from './errors';
import type { ErrorCode, ErrorDto } from './backend';

/** An error as the engine sends it; `code` may be one this build does not know. */
const dto = (code: string, extra: Partial<ErrorDto> = {}): ErrorDto => ({
  code: code as ErrorCode,
  message: 'raw engine text',
  field: null,
  id: null,
  group: null,
  waitSeconds: null,
  ...extra,
});

describe('errorMessage', () => {
  it('phrases every engine error code in its own plain words', () => {
    const required = [
      'WrongPassphrase', 'WrongRecoveryKey', 'RecoveryKeyMistyped', 'TryAgainLater', 'VaultLocked', 'VaultInUse',
      'VaultMissing', 'VaultExists', 'VaultFromNewerVersion', 'VaultDamaged', 'WeakKdfParameters',
      'RecordTampered', 'RecordFromNewerVersion', 'NotFound', 'AmbiguousId', 'InvalidInput',
      'SqliteTooOld', 'Io', 'Database',
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

  it('says how long to wait after several wrong tries', () => {
    expect(errorMessage(dto('TryAgainLater', { waitSeconds: 8 }))).toMatch(/try again in 8 seconds/);
    expect(errorMessage(dto('TryAgainLater', { waitSeconds: 1 }))).toMatch(/try again in 1 second\./);
  });

  it('names the mistyped recovery-key group', () => {
    expect(errorMessage(dto('RecoveryKeyMistyped', { group: 7 }))).toMatch(/group 7/i);
  });

  it('uses the field for invalid input', () => {
    const m = errorMessage(dto('InvalidInput', { field: 'sleepHours', message: 'sleepHours: must be from 0 to 24' }));
    expect(m).toBe('Sleep hours: must be from 0 to 24.');
  });

  it('says a newer Keel’s entry is kept as it is', () => {
    expect(errorMessage(dto('RecordFromNewerVersion', { id: 'abcd' }))).toBe(
      'This entry was saved by a newer version of Keel. It is kept as it is; update Keel to change it.',
    );
  });

  it('names every field the engine names in words', () => {
    const fields = [
      'sleepHours', 'distressBefore', 'distressAfter', 'urgeBefore', 'urgeAfter', 'skillName', 'sessionType',
      'howTo', 'category', 'title', 'text', 'minutes', 'context', 'stress', 'mood', 'craving', 'at', 'kind', 'id',
      'intention', 'oneStep', 'wentWell', 'wasHard', 'peakStress', 'grateful', 'urgeAlong', 'warningSigns', 'onMyOwn',
      'takeMyMindOff', 'people', 'professionals', 'saferSurroundings', 'reasons', 'why', 'steps', 'target', 'phases',
    ];
    for (const field of fields) {
      const m = errorMessage(dto('InvalidInput', { field, message: `${field}: a reason` }));
      expect(m, field).toMatch(/^[A-Z][a-z -]*: a reason\.$/);
    }
    const word = (field: string) => errorMessage(dto('InvalidInput', { field, message: `${field}: x` })).split(':')[0];
    expect([word('sleepHours'), word('skillName'), word('howTo'), word('at')]).toEqual(['Sleep hours', 'Skill', 'How to do it', 'When']);
    expect([word('wentWell'), word('professionals')]).toEqual(['What went well', 'Professionals and lines']);
    expect(errorMessage(dto('InvalidInput', { field: 'title', message: 'title: required' }))).toBe('Title: please fill this in.');
  });

  it('falls back calmly for unknown errors and non-DTOs', () => {
    expect(errorMessage(dto('Whatever'))).toBe(GENERIC_MESSAGE);
    expect(errorMessage(new Error('boom'))).toBe(GENERIC_MESSAGE);
    expect(errorMessage('x')).toBe(GENERIC_MESSAGE);
  });
});

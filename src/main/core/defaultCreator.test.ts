import { describe, expect, it } from 'vitest';
import { defaultCreator } from './defaultCreator';

describe('defaultCreator', () => {
  it('is the account’s user name', () => {
    expect(defaultCreator(() => 'ana')).toBe('ana');
  });

  it('falls back to "researcher" when there is no user name or it cannot be read', () => {
    expect(defaultCreator(() => '  ')).toBe('researcher');
    expect(
      defaultCreator(() => {
        throw new Error('ENOENT: no such file or directory, uv_os_get_passwd');
      }),
    ).toBe('researcher');
  });
});

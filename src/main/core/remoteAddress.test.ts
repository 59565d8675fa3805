import { describe, expect, it } from 'vitest';
import { remoteAddress } from './remoteAddress';

describe('remoteAddress', () => {
  it('takes a token out of an https address, and a token typed in the field wins over it', () => {
    expect(remoteAddress(' https://me:s3cr%40t@git.example.org/team/lib.git ')).toEqual({ remote: 'https://me@git.example.org/team/lib.git', token: 's3cr@t' });
    expect(remoteAddress('https://me:old@git.example.org/lib.git', ' new ')).toEqual({ remote: 'https://me@git.example.org/lib.git', token: 'new' });
    expect(remoteAddress('https://git.example.org/lib.git', '')).toEqual({ remote: 'https://git.example.org/lib.git' });
  });

  it('turns a file:// address into its folder; a folder remote forgets any token', () => {
    expect(remoteAddress('file:///srv/team/lib.git', 'x')).toEqual({ remote: '/srv/team/lib.git', token: null });
    expect(remoteAddress('/srv/team/lib.git')).toEqual({ remote: '/srv/team/lib.git', token: null });
  });

  it('refuses a relative path, an SSH address and other schemes, saying what to give', () => {
    expect(() => remoteAddress('lib.git')).toThrow(/not a full path/);
    expect(() => remoteAddress('ssh://git@example.org/lib.git')).toThrow(/not SSH/);
    expect(() => remoteAddress('git@example.org:team/lib.git')).toThrow(/not SSH/);
    expect(() => remoteAddress('https://exa mple.org/x')).toThrow(/not a valid web address/);
  });
});

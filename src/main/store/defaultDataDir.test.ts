import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './defaultDataDir';

describe('defaultDataDir', () => {
  it('uses TRIANGULATE_DATA when it is set, on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(defaultDataDir({ TRIANGULATE_DATA: '/srv/research' }, platform, '/home/ana')).toBe('/srv/research');
    }
  });

  it('follows XDG on Linux, falling back to ~/.local/share', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/data/ana' }, 'linux', '/home/ana')).toBe('/data/ana/Triangulate');
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.local/share/Triangulate');
    // A relative XDG_DATA_HOME is invalid by the spec and ignored; so is an empty TRIANGULATE_DATA.
    expect(defaultDataDir({ XDG_DATA_HOME: 'rel/dir', TRIANGULATE_DATA: '' }, 'linux', '/home/ana')).toBe(
      '/home/ana/.local/share/Triangulate',
    );
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/ignored' }, 'darwin', '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/Triangulate',
    );
  });

  it('uses %APPDATA% on Windows, with Windows separators', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Triangulate',
    );
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\Triangulate');
  });
});

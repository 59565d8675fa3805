import { describe, expect, it } from 'vitest';
import { readHostToken, type TokenStorage } from './hostToken';

function memoryStorage(): TokenStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

describe('readHostToken', () => {
  it('reads the token from the fragment and remembers it for a reload without one', () => {
    const storage = memoryStorage();
    expect(readHostToken('#token=abc_DEF-123', storage)).toBe('abc_DEF-123');
    expect(readHostToken('', storage)).toBe('abc_DEF-123');
  });

  it('prefers a new link’s token over the remembered one', () => {
    const storage = memoryStorage();
    readHostToken('#token=old', storage);
    expect(readHostToken('#token=new', storage)).toBe('new');
    expect(readHostToken('', storage)).toBe('new');
  });

  it('returns null when there is no token anywhere', () => {
    expect(readHostToken('', memoryStorage())).toBeNull();
    expect(readHostToken('#article=a1', null)).toBeNull();
  });

  it('still works for this page load when storage is blocked', () => {
    const blocked: TokenStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readHostToken('#token=abc', blocked)).toBe('abc');
    expect(readHostToken('', blocked)).toBeNull();
  });
});

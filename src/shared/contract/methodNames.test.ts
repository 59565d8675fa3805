import { describe, expect, it } from 'vitest';
import { contract } from './contract';
import { ipcChannel, isMethodName, methodNames } from './methodNames';

describe('methodNames', () => {
  it('lists exactly the contract’s methods, each on its own channel', () => {
    expect([...methodNames].sort()).toEqual(Object.keys(contract).sort());
    expect(new Set(methodNames.map(ipcChannel)).size).toBe(methodNames.length);
    expect(isMethodName('listArticles')).toBe(true);
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('constructor')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { recoverCommandFor } from './recoverCommandFor';

describe('recoverCommandFor', () => {
  it('names the data folder as typed, quoting it when it holds spaces or shell characters', () => {
    expect(recoverCommandFor('/home/ana/.local/share/Triangulate')).toBe('npm run cli -- recover --data /home/ana/.local/share/Triangulate');
    expect(recoverCommandFor('/home/ana/My Data')).toBe('npm run cli -- recover --data "/home/ana/My Data"');
    expect(recoverCommandFor('/tmp/a"b$c')).toBe('npm run cli -- recover --data "/tmp/a\\"b\\$c"');
  });
});

import { describe, expect, it } from 'vitest';
import { coderName } from './coderName';

describe('coderName', () => {
  it('trims a name and refuses empty, overlong and control-character names', () => {
    expect(coderName('  Ana Lima ')).toEqual({ ok: true, name: 'Ana Lima' });
    expect(coderName('   ')).toMatchObject({ ok: false, problem: '--coder needs a name' });
    expect(coderName('x'.repeat(101))).toMatchObject({ ok: false, problem: expect.stringContaining('at most 100') });
    expect(coderName('ana\tben')).toMatchObject({ ok: false, problem: expect.stringContaining('control characters') });
  });
});

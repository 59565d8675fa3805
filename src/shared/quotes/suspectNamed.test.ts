import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';

const speakers = (text: string) => detectQuotes(text).map((q) => q.speaker);

describe('suspectNamed', () => {
  it('credits "the suspect" or "the defendant" to the one person arrested or charged just before', () => {
    expect(speakers('Police arrested Carl Vance on Friday. The suspect told officers: “I was never there.”')).toEqual(['Carl Vance']);
    expect(speakers('Prosecutors charged Ines Moro with fraud. In court, the defendant said: “I am innocent.”')).toEqual(['Ines Moro']);
  });

  it('credits no one when two were arrested, when the arrest named no one, or when it is far back', () => {
    expect(speakers('Police arrested Carl Vance and Ines Moro on Friday. The suspect told officers: “I was never there.”')).toEqual([null]);
    expect(speakers('Carl Vance called the police. Officers arrested a man nearby. The suspect told officers: “I was never there.”')).toEqual([null]);
    expect(speakers('Police arrested Carl Vance on Friday. The road was shut. Crowds gathered. Shops closed early. The suspect told officers: “I was never there.”')).toEqual([null]);
  });
});

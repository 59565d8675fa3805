import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';

const speakers = (text: string) => detectQuotes(text).map((q) => [q.speaker, q.cue]);

describe('attributionWords: retorts and other speech verbs', () => {
  it('reads "shot back" and "fired back" as speech verbs, after and before the quote', () => {
    // (The first quote opens a sentence right after Carla Dunn's action: hers, with no cue — see detectQuotes.)
    expect(speakers('Carla Dunn sat at the table. ‘Ed Pike hates this.’\n\n“They came for the free food,” Pike shot back with a grin.')).toEqual([
      ['Carla Dunn', null],
      ['Ed Pike', 'shot back'],
    ]);
    expect(speakers('Asked about the deal, Nora Vance fired back: “They will lose in court.”')).toEqual([['Nora Vance', 'fired back']]);
  });

  it('credits "it recommended" to the organisation just named', () => {
    expect(speakers('The Riverside Business Council opposed the plan. “Keep the levy at its current rate,” it recommended.')).toEqual([
      ['Riverside Business Council', 'recommended'],
    ]);
  });

  it('credits a partial quote after "she vented to …, that" to the woman who vented', () => {
    const text = 'Dana Price left the board in May. On the flight home, she vented to her brother, Tom Price, that it would be “a long fight.”';
    expect(detectQuotes(text)[0]?.speaker).toBe('Dana Price');
  });
});

import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';

const speakers = (text: string) => detectQuotes(text).map((q) => q.speaker ?? null);

describe('attributionNextParagraph', () => {
  it('credits a quote closing its paragraph to the attribution that opens the next one', () => {
    expect(speakers('The mood was tense.\n\n“We are going to win this state,”\n\nsaid Bernie Sanderson, to loud applause.')).toEqual(['Bernie Sanderson']);
    expect(speakers('The mood was tense.\n\n“We are going to win this state.”\n\nSo said Bernie Sanderson, to loud applause.')).toEqual(['Bernie Sanderson']);
    expect(speakers('Bernie Sanderson took the stage.\n\n“We are going to win this state.”\n\nSanderson said it twice, to a crowd of 5,000.')).toEqual(['Bernie Sanderson']);
    expect(speakers('The mood was tense.\n\n“This is not over.”\n\nThose were the words of Marine Le Penn on election night.')).toEqual(['Marine Le Penn']);
    expect(speakers('Bernie Sanderson took the stage.\n\n“We are going to win this state.”\n\nThat is what Sanderson told a crowd of 5,000.')).toEqual(['Bernie Sanderson']);
  });

  it('leaves a next paragraph that reports something else to the other rules', () => {
    expect(speakers('The mood was tense.\n\n“We will win.”\n\nSanderson said that Clinton would lose.')).toEqual([null]);
  });
});

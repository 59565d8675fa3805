import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';
import { transcriptLabelSpeaker } from './transcriptLabel';

describe('transcriptLabelSpeaker', () => {
  it('reads the labelled speaker of a transcript turn, without titles or affiliation', () => {
    expect(transcriptLabelSpeaker('SEN. BOB KERRY: Well, I told him.', 20)).toBe('Bob Kerry');
    expect(transcriptLabelSpeaker('ANNA SMITH, BBC NEWS: I asked him.', 25)).toBe('Anna Smith');
    expect(transcriptLabelSpeaker('Q: What did you say?\nA: I told him.', 25)).toBeNull();
    expect(transcriptLabelSpeaker('Well, I told him.', 8)).toBeNull();
  });

  it('credits a quote that the labelled speaker says "I" said', () => {
    const text = 'WOODRUFF: Senator, your response?\n\nSEN. BOB KERRY: Well, I told the president, “I think this is a mistake.”';
    expect(detectQuotes(text)[0]?.speaker).toBe('Bob Kerry');
    expect(detectQuotes('Q: What did you tell him?\n\nA: I told him, “You are making a mistake.”')[0]?.speaker ?? null).toBeNull();
  });
});

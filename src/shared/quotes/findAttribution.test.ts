import { describe, expect, it } from 'vitest';
import { buildPersonIndex } from './buildPersonIndex';
import { detectQuotes } from './detectQuotes';
import { clauseSpeaker, findAttribution } from './findAttribution';
import { findQuoteSpans } from './findQuoteSpans';

/** Speaker and cue of quote `index` of `text`, and the text of their spans. */
function attribution(text: string, index = 0) {
  const spans = findQuoteSpans(text);
  const found = findAttribution(text, spans, index, buildPersonIndex(text, spans));
  if (!found) return null;
  return {
    speaker: found.speaker,
    cue: found.cue,
    speakerText: found.speakerSpan ? text.slice(found.speakerSpan.start, found.speakerSpan.end) : null,
    cueText: text.slice(found.cueSpan.start, found.cueSpan.end),
  };
}

const LEDE = 'Boris Bondarev resigned on Monday.\n';

describe('findAttribution: after the quote', () => {
  it('reads “…,” he said with the pronoun resolved', () => {
    expect(attribution(`${LEDE}“We are done,” he said.`)).toEqual({ speaker: 'Boris Bondarev', cue: 'said', speakerText: 'he', cueText: 'said' });
  });

  it('reads an inverted “…,” said NAME, with the name made full', () => {
    expect(attribution('‘’He is a hero,’’ said Hillel Neuer, executive director of UN Watch.')).toMatchObject({ speaker: 'Hillel Neuer', cue: 'said' });
    expect(attribution(`${LEDE}“Enough,” says Mr Bondarev.`)).toMatchObject({ speaker: 'Boris Bondarev', speakerText: 'Mr Bondarev' });
  });

  it('resolves a person description such as “the former diplomat”', () => {
    expect(attribution(`${LEDE}“Not all diplomats agree,” the former diplomat responded.`)).toMatchObject({
      speaker: 'Boris Bondarev',
      cue: 'responded',
      speakerText: 'the former diplomat',
    });
  });

  it('takes the name out of a possessive subject', () => {
    expect(attribution(`${LEDE}“I studied to be a diplomat,” Bondarev’s statement says.`)).toMatchObject({ speaker: 'Boris Bondarev', cue: 'says' });
  });

  it('does not take a new sentence after a finished quote as its attribution', () => {
    expect(attribution('“We lost.” The minister later added that the war had gone badly for everyone involved in it.')).toBeNull();
  });
});

describe('findAttribution: before the quote', () => {
  it('reads NAME said: “…”, skipping an apposition', () => {
    expect(attribution('Boris Bondarev, 41, said: “For twenty years I served.”')).toMatchObject({ speaker: 'Boris Bondarev', cue: 'said' });
  });

  it('keeps the object of “told” and a channel in the cue', () => {
    expect(attribution(`${LEDE}Mr Bondarev told Reuters that it felt “like any other Monday”.`)).toMatchObject({
      speaker: 'Boris Bondarev',
      cue: 'told Reuters',
    });
    expect(attribution(`${LEDE}He told the AP he was “not afraid”.`)).toMatchObject({ cue: 'told the AP' });
    expect(attribution(`${LEDE}He continued in the letter: “Those who conceived this war want power.”`)).toMatchObject({
      speaker: 'Boris Bondarev',
      cue: 'continued in the letter',
    });
  });

  it('reads two-word cues', () => {
    expect(attribution(`${LEDE}The veteran diplomat went on: “They want only power.”`)).toMatchObject({ speaker: 'Boris Bondarev', cue: 'went on' });
    expect(attribution('According to Reuters, the ministry called it “a provocation”.')).toMatchObject({ speaker: 'Reuters', cue: 'According to' });
  });

  it('gives a participle the sentence’s subject', () => {
    expect(attribution('A diplomat quit his post, declaring “never have I been so ashamed”.\nBoris Bondarev left Geneva.')).toMatchObject({
      speaker: 'Boris Bondarev',
      cue: 'declaring',
      speakerText: 'A diplomat',
    });
  });

  it('leaves the speaker unknown for “they” but keeps the cue', () => {
    expect(attribution('The ministry was blunt. They tweeted: “The public has proven sensitive.”')).toEqual({
      speaker: null,
      cue: 'tweeted',
      speakerText: null,
      cueText: 'tweeted',
    });
  });

  it('does not take a verb without a subject for an attribution', () => {
    const text = `${LEDE}In a letter, he said he “simply cannot” continue.`;
    expect(attribution(text)).toMatchObject({ speaker: 'Boris Bondarev', cue: 'said' });
  });
});

describe('findAttribution: nothing to find', () => {
  it('returns null for a quote with no speech verb around it', () => {
    expect(attribution('The so-called “special operation” continued.')).toBeNull();
  });

  it('does not look into another quote or another paragraph', () => {
    expect(attribution('“First,” he said.\n“Second” came next.', 1)).toBeNull();
  });
});

describe('findAttribution: descriptions through an outlet and past abbreviations', () => {
  it('credits “the paper’s editorial board wrote” to the newspaper named before', () => {
    expect(attribution('Enter The Daily Courier. “He is a salesman of fiction,” the paper’s editorial board wrote.')).toMatchObject({
      speaker: 'Daily Courier',
      cue: 'wrote',
    });
  });

  it('reads a month abbreviation (“the Nov. 8 vote”) inside the sentence of its subject', () => {
    const text = 'Gary Holt spoke in Ohio. The Republican nominee for the Nov. 8 vote later said he was being “sarcastic” in his comments.';
    expect(detectQuotes(text)[0]?.speaker).toBe('Gary Holt');
  });
});

describe('findAttribution: a participle’s subject named by surname only', () => {
  it('credits “…, saying, “…”” to a lone surname acting as the subject, not to an organisation named before', () => {
    const text = 'Harbour Action released an ad on Monday.\n\nAt Sunday’s debate, Hale compared himself to Ross, saying, “I take no fees from banks.”';
    expect(attribution(text)).toMatchObject({ speaker: 'Hale', cue: 'saying' });
  });
});

describe('clauseSpeaker: a person in apposition to the clause’s opening description', () => {
  it('credits “One early backer, Rep. Ann Lamb, tried it on the radio: “…”” to Lamb, not to a name in the sentence before', () => {
    const text = 'Ed Roe told his backers to push back. One early backer, Rep. Ann Lamb, tried it on the radio on Monday: “The mayor is the problem here.”';
    expect(detectQuotes(text)[0]?.speaker).toBe('Ann Lamb');
  });
});

describe('findAttribution: "according to" a pronoun', () => {
  it('resolves "according to her" / "According to him" to the person the pronoun refers to', () => {
    expect(attribution('Ann Lamb spoke at the rally. “We will win,” according to her.')).toMatchObject({ speaker: 'Ann Lamb', cue: 'according to', speakerText: 'her' });
    expect(attribution('Tom Hale met Ann Lamb. According to him, “the deal is off.”')).toMatchObject({ speaker: 'Tom Hale', speakerText: 'him' });
  });

  it('does not read "according to her spokesman" as her own words', () => {
    expect(attribution('Ann Lamb spoke at the rally. “We will win,” according to her spokesman.')?.speaker ?? null).not.toBe('Ann Lamb');
    expect(attribution('Ann Lamb spoke at the rally. According to her “fair share” plan, firms pay more.')?.speaker ?? null).toBeNull();
  });
});

describe('findAttribution: a generic organisation noun', () => {
  it('resolves "the group said" to the organisation named near before, whatever its name', () => {
    expect(attribution('The Sierra Club sued on Monday. Its director, Tom Hale, spoke. “This is a disaster,” the group said.')).toMatchObject({ speaker: 'Sierra Club' });
  });

  it('takes no newspaper for "the group", and nothing from far back', () => {
    expect(attribution('Tom Hale told The Daily Beacon about it. “We will win,” the group said.')?.speaker ?? null).toBeNull();
    expect(attribution('The Sierra Club sued. Ann Lamb spoke of her Wall Street links. “We will win,” the group said.')?.speaker ?? null).toBe('Sierra Club');
    const far = `The Sierra Club sued. ${'Tom Hale went home. '.repeat(3)}“We will win,” the group said.`;
    expect(attribution(far)?.speaker ?? null).toBeNull();
  });
});

describe('findAttribution: a person named after a possessive', () => {
  it('credits “according to X’s former treasury secretary Y” to Y, not to the possessor', () => {
    expect(attribution('Ann Lee spoke. According to Lincoln’s former treasury secretary Samuel P. Chase, the plan is “a disaster.”')).toMatchObject({ speaker: 'Samuel P. Chase' });
  });

  it('credits “The Outlet’s Full Name, saying “…”” to the person, not to a woman quoted before', () => {
    const text = 'Lisa Burns tweeted a lot. “I will,” she tweeted.\n\nAmid calls for websites, The Blaze’s Matt Walsh gave a reason, saying it is time to “name the traitors.”';
    expect(attribution(text, 1)).toMatchObject({ speaker: 'Matt Walsh', cue: 'saying' });
  });

  it('keeps the possessor when no role noun and name follow (“Reyes’s comments about Hall”)', () => {
    expect(attribution('Tom Reyes and Jim Hall met. Reyes’s campaign said the deal was “done.”')).toMatchObject({ speaker: 'Tom Reyes' });
  });
});

describe('findAttribution: opening phrases before the subject', () => {
  it('skips “Like X,” and “Unlike X,” to the subject of the sentence', () => {
    const text = 'Sen. Bob Crane spoke. Sen. Rob Mendes spoke.\n\nLike Crane, Mendes also rejected the idea, arguing that there is “room for the agency” in the law.';
    expect(attribution(text)).toMatchObject({ speaker: 'Rob Mendes', cue: 'arguing' });
  });

  it('skips a long opening phrase that names someone else', () => {
    const text = 'Jim Hall met Tom Reyes.\n\nAfter the court failed to reach a decision on Governor Ann Lee’s plan to defer the fees for most of the new farms, Reyes spoke on the radio, claiming that the borders are “wide open.”';
    expect(attribution(text)).toMatchObject({ speaker: 'Tom Reyes', cue: 'claiming' });
  });
});

describe('findAttribution: participles', () => {
  it('gives “adding …” after ““…,” said Mr. X,” to X', () => {
    const text = 'Senator Joan Cole spoke. Senator Richard Vance, a Georgia Republican, agreed.\n\n“It is one of those things,” said Mr. Vance, adding that he did not think the party “will get there.”\n\nLater, Senator Cole left.';
    expect(attribution(text, 1)).toMatchObject({ speaker: 'Richard Vance', cue: 'adding' });
  });

  it('reads the subject of a sentence that holds an earlier quoted title (“went on ABC’s “Morning” to discuss his rival, Y, saying …”)', () => {
    const text = 'Sen. Walter Brand (I-Ohio) went on ABC’s “Morning” to discuss his remarks about his rival, Laura Kent, saying “on her worst day” she would win.';
    expect(attribution(text, 1)).toMatchObject({ speaker: 'Walter Brand', cue: 'saying' });
  });

  it('gives a participle after “in which he …” to that pronoun’s person, not to the sentence’s first subject', () => {
    const text = 'Jim Hall spoke. The former governor spoke after Mr. Reyes held a news conference in which he went on with his attack on Mr. Hall, mocking his “Mission” tour and saying the state was not “safe” under him.';
    expect(attribution(text, 1)).toMatchObject({ speaker: 'Reyes', cue: 'saying' });
  });
});

describe('findAttribution: a subject in a dashed apposition', () => {
  it('credits “A former candidate -- Name, who … -- said” to the name', () => {
    const text = 'Graham spoke first.\n\nA former Republican candidate -- John Hale, who lost the 2008 race to Obama -- said the president “offered no changes.”';
    expect(attribution(text)).toMatchObject({ speaker: 'John Hale', cue: 'said' });
  });

  it('credits “The senator — a Navy veteran — said” to the description’s person', () => {
    const text = 'Sen. Tom Ruiz voted no.\n\nThe senator — a Navy veteran — said the bill was “a mistake.”';
    expect(attribution(text)).toMatchObject({ speaker: 'Tom Ruiz', cue: 'said' });
  });
});

describe('findAttribution: a quote inside an opening participle phrase', () => {
  it('credits “Acknowledging that X “…,” though, Name did …” to the main clause’s subject', () => {
    const text = 'Tom Reyes spoke. Acknowledging that the mayor “talks too much,” though, Allen Price did suggest that the city needed him.';
    expect(attribution(text)).toMatchObject({ speaker: 'Allen Price', cue: 'Acknowledging' });
  });

  it('resolves a pronoun as that subject, and needs the comma that ends the phrase', () => {
    expect(attribution('Ann Lee won. Noting that the city was “broke”, she asked for calm.')).toMatchObject({ speaker: 'Ann Lee', cue: 'Noting' });
    expect(attribution('Tom Reyes spoke. Noting that the city was “broke” is easy for Allen Price to say.')?.cue).not.toBe('Noting');
  });
});

describe('clauseSpeaker: opening phrases', () => {
  const clause = (text: string) => {
    const spans = findQuoteSpans(text);
    return clauseSpeaker(text, 0, spans[0]!.open, buildPersonIndex(text, spans))?.speaker ?? null;
  };

  it('skips an opening participle or -ed adjective phrase (“Horrified at …, Ramos believes in “…””)', () => {
    expect(clause('Jorge Ramos spoke. Ann Lee left.\n\nHorrified at the prospect of Reyes winning, Ramos believes in news that “takes sides.”')).toBe('Jorge Ramos');
  });

  it('skips a sentence adverb set off by a comma, but not a title such as “First Lady”', () => {
    expect(clause('Tom Reyes spoke about the judge. Ann Lee left.\n\nFirst, Reyes called the judge “biased.”')).toBe('Tom Reyes');
    expect(clause('Tom Reyes spoke. First Lady Ann Lee called the plan “cruel.”')).toBe('Ann Lee');
  });
});

describe('findAttribution: a participle’s sentence subject that names no one', () => {
  it('credits no one for “Likewise, a paper from the institute had this to say: “…”” (not the person named before)', () => {
    expect(attribution('Ann Lee spoke. Likewise, a paper from the Brookings Institution had this to say about her plan: “Families would gain.”')?.speaker ?? null).toBeNull();
  });

  it('still reads a time phrase as an opener (“A month later, he … explained why “…””)', () => {
    expect(attribution('Tom Reyes spoke in Ohio. A month later, he paid a visit to the border and explained why “the border” matters.')).toMatchObject({ speaker: 'Tom Reyes' });
  });

  it('does not end an opening phrase at a comma inside the quote', () => {
    const text = 'Jim Hall and Ann Lee met. This prompted the paper to run a cover saying “Go home, Ann Lee!”';
    expect(attribution(text)?.speaker).not.toBe('Ann Lee');
  });

  it('reads on past the full stop of "the Rev." and "Fr." to the name and its verb', () => {
    expect(attribution('“We will march until we are heard,” the Rev. Al Sharpe said.')?.speaker).toBe('Al Sharpe');
    expect(attribution('“The parish will stay open,” said Fr. Tom Byrne.')?.speaker).toBe('Tom Byrne');
  });

  it('takes a person named with a title of several words, not the title’s department ("Secretary of Defense")', () => {
    expect(attribution('“We are not at war,” Secretary of Defense Lloyd Austen said.')?.speaker).toBe('Lloyd Austen');
    expect(attribution('Senate Majority Leader Mitch McConn said: “The Senate will act.”')?.speaker).toBe('Mitch McConn');
    expect(attribution('Ursula von der Lahn said on Wednesday: “Europe will stand by Ukraine.”')?.speaker).toBe('Ursula von der Lahn');
  });

  it('credits a headline quote to the name after its capitalised speech verb (“‘We Will Win,’ Says Sanderson”)', () => {
    const text = '‘We Will Win,’ Says Sanderson\n\nBernie Sanderson told supporters in Iowa that he would win.';
    expect(detectQuotes(text)[0]).toMatchObject({ speaker: 'Bernie Sanderson', cue: 'Says' });
  });

  it('credits "Germany’s chancellor said" to the chancellor the article names, or to no one — never to the country', () => {
    expect(detectQuotes('Germany’s chancellor said Europe must “stand together”.')[0]?.speaker ?? null).toBeNull();
    expect(detectQuotes('Chancellor Olaf Scholl met Emmanuel Macron. Germany’s chancellor said Europe must “stand together”.')[0]?.speaker).toBe('Olaf Scholl');
    // (One who speaks for another stays the other’s: "Trump’s spokesman said".)
    expect(detectQuotes('Donald Trumble’s spokesman said the report was “fake.”')[0]?.speaker).toBe('Donald Trumble');
  });

  it('takes the name given with the role after an inverted verb when the role alone names no one ("said the mayor, Ada Colau")', () => {
    expect(attribution('“We will appeal,” said the mayor, Ada Colau.')?.speaker).toBe('Ada Colau');
  });

  it('reads "the PM" and "the CEO" as descriptions of the person named, not as names', () => {
    expect(detectQuotes('Prime Minister Rishi Sunay and Keir Starling clashed. “We are delivering,” the PM said.')[0]?.speaker).toBe('Rishi Sunay');
    expect(detectQuotes('Tim Cooke unveiled the phone. “It is our best yet,” the CEO said.')[0]?.speaker).toBe('Tim Cooke');
  });

  it('reads a plural title before two names ("Senators John Thune and Chuck Grassley")', () => {
    expect(detectQuotes('Senators John Thume and Chuck Grassby met on Monday. “We have a deal,” Thume said.')[0]?.speaker).toBe('John Thume');
  });

  it('keeps the outlet of an interview and a programme of several words in the cue', () => {
    expect(attribution('“We are done,” Ann Lee said in an interview with CNN.')?.cue).toBe('said in an interview with CNN');
    expect(attribution('“We are done,” Ann Lee said on Fox News Sunday.')?.cue).toBe('said on Fox News Sunday');
    expect(attribution('“We are done,” Ann Lee said on Tuesday.')?.cue).toBe('said on Tuesday');
  });

  it('leaves "he told CNN’s Jake Tapp" to no one when no one was named before: Tapp is the one told', () => {
    expect(detectQuotes('“I am not going anywhere,” he told CNN’s Jake Tapp. Sen. Ann Marsh had called for him to quit.')[0]?.speaker ?? null).toBeNull();
    expect(detectQuotes('Gov. Tom Reyes refused to resign. “I am not going anywhere,” he told CNN’s Jake Tapp.')[0]?.speaker).toBe('Tom Reyes');
  });

  it('credits no one for a question a reporter asked, though the story names someone just after', () => {
    expect(detectQuotes('“Will you run?” a reporter asked. “Not this year,” Ann Marsh replied.').map((q) => q.speaker ?? null)).toEqual([null, 'Ann Marsh']);
  });

  it('does not take the verb of a clause opened after the quote\'s comma (", while China called them “…”")', () => {
    const text = 'The EU said the tariffs were “unjustified”, while China called them “protectionist”.';
    expect(detectQuotes(text).map((q) => q.speaker)).toEqual(['EU', 'China']);
  });
});

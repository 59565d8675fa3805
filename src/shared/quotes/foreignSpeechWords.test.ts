import { describe, expect, it } from 'vitest';
import { detectQuotes } from './detectQuotes';
import { invertedFrenchPronoun, isInvertedFrenchCue } from './foreignSpeechWords';

const credited = (text: string) => detectQuotes(text).map((q) => [q.exact, q.speaker, q.cue]);

describe('quotes in other European languages', () => {
  it('reads German „…“ and »…« with German speech verbs', () => {
    expect(credited('Anna Weber trat zurück. „Ich schäme mich für mein Land“, sagte Weber am Montag.')).toEqual([
      ['Ich schäme mich für mein Land', 'Anna Weber', 'sagte'],
    ]);
    expect(credited('Jonas Keller erklärte: »Wir geben nicht nach.«')).toEqual([['Wir geben nicht nach.', 'Jonas Keller', 'erklärte']]);
  });

  it('reads French « … » with its inner spaces, inverted subjects and “selon”', () => {
    expect(credited('Pierre Durand a démissionné. « Je n’ai jamais eu aussi honte », a déclaré Durand lundi.')).toEqual([
      ['Je n’ai jamais eu aussi honte', 'Pierre Durand', 'déclaré'],
    ]);
    expect(credited('Selon Marie Leclerc, « la guerre est une honte ».')).toEqual([['la guerre est une honte', 'Marie Leclerc', 'Selon']]);
    expect(credited('Paul Roche est parti. « Nous restons », dit-il.')).toEqual([['Nous restons', 'Paul Roche', 'dit-il']]);
  });

  it('reads Spanish and Russian «…» with their speech verbs', () => {
    expect(credited('Juan García dijo: «Nunca me he sentido tan avergonzado».')).toEqual([['Nunca me he sentido tan avergonzado', 'Juan García', 'dijo']]);
    expect(credited('Иван Петров подал в отставку. «Мне стыдно», — сказал Петров.')).toEqual([['Мне стыдно', 'Иван Петров', 'сказал']]);
    expect(credited('Иван Петров заявил: «Мне стыдно за мою страну».')).toEqual([['Мне стыдно за мою страну', 'Иван Петров', 'заявил']]);
  });

  it('finds Polish „…” and Swedish ”…” quotes with their speaker', () => {
    expect(credited('Jan Kowalski powiedział: „Wstydzę się”.').map(([exact, speaker]) => [exact, speaker])).toEqual([['Wstydzę się', 'Jan Kowalski']]);
    expect(credited('Anna Svensson sa: ”Jag skäms över mitt land.”').map(([exact, speaker]) => [exact, speaker])).toEqual([
      ['Jag skäms över mitt land.', 'Anna Svensson'],
    ]);
  });

  it('knows French inverted pronouns', () => {
    expect([invertedFrenchPronoun('a-t-il'), invertedFrenchPronoun('dit-elle'), invertedFrenchPronoun('porte-parole')]).toEqual(['m', 'f', null]);
    expect([isInvertedFrenchCue('dit-il'), isInvertedFrenchCue('a-t-il'), isInvertedFrenchCue('celui-ci')]).toEqual([true, false, false]);
  });

  it('ends an inverted German speaker before the article of the person told ("sagte Hans Weber der Polizei")', () => {
    expect(credited('„Wir haben nichts gesehen“, sagte Hans Weber der Polizei.')).toEqual([['Wir haben nichts gesehen', 'Hans Weber', 'sagte']]);
    expect(credited('„Es ist vorbei“, sagte Greta van der Berg.')).toEqual([['Es ist vorbei', 'Greta van der Berg', 'sagte']]);
  });

  it('reads German single low-high marks ‚…‘ with the speaker after or before', () => {
    expect(credited('Der Minister nannte den Plan ‚völlig unrealistisch‘, sagte Klaus Berger.')).toEqual([['völlig unrealistisch', 'Klaus Berger', 'sagte']]);
    expect(credited('Klaus Berger sagte: ‚Wir bleiben hier.‘')).toEqual([['Wir bleiben hier.', 'Klaus Berger', 'sagte']]);
  });

  it('reads more French, Spanish and Russian speech verbs with a speaker named before', () => {
    expect(credited('Marie Dupont a démissionné. « Ce n’est pas fini », a-t-elle ajouté.')).toEqual([['Ce n’est pas fini', 'Marie Dupont', 'ajouté']]);
    expect(credited('Ana López renunció. «No me arrepiento de nada», afirmó López.')).toEqual([['No me arrepiento de nada', 'Ana López', 'afirmó']]);
    expect(credited('Ольга Смирнова ушла в отставку. «Я горжусь своей работой», — заявила Смирнова.')).toEqual([
      ['Я горжусь своей работой', 'Ольга Смирнова', 'заявила'],
    ]);
  });

  it('finds Czech „…“, Finnish ”…” and Italian «…» quotes', () => {
    const exact = (text: string) => detectQuotes(text).map((q) => q.exact);
    expect(exact('Karel Novák řekl: „Nejsem spokojen.“')).toEqual(['Nejsem spokojen.']);
    expect(exact('Mikko Virtanen sanoi: ”Olen pettynyt.”')).toEqual(['Olen pettynyt.']);
    expect(exact('Il ministro Marco Rossi ha detto: «Non ci arrendiamo».')).toEqual(['Non ci arrendiamo']);
  });

  it('credits Polish, Czech, Swedish and Finnish quotes to the name after their speech verb', () => {
    expect(credited('„Nie zgodzimy się na to”, powiedział Tomasz Nowicki.')).toEqual([['Nie zgodzimy się na to', 'Tomasz Nowicki', 'powiedział']]);
    expect(credited('„To nie jest koniec” – dodała Ewa Malinowska.')).toEqual([['To nie jest koniec', 'Ewa Malinowska', 'dodała']]);
    expect(credited('„Je to velký úspěch,“ řekl Karel Novák.')).toEqual([['Je to velký úspěch', 'Karel Novák', 'řekl']]);
    expect(credited('”Vi är mycket oroliga”, säger Lena Holm.')).toEqual([['Vi är mycket oroliga', 'Lena Holm', 'säger']]);
    expect(credited('”Tilanne on vakava”, sanoi Mikko Virtanen.')).toEqual([['Tilanne on vakava', 'Mikko Virtanen', 'sanoi']]);
  });

  it('ends a name read after an inverted verb at a preposition of the language ("dijo Ana Ruiz en Madrid")', () => {
    expect(credited('«No vamos a ceder», dijo Ana Ruiz en Madrid.')).toEqual([['No vamos a ceder', 'Ana Ruiz', 'dijo']]);
    expect(credited('« Nous tiendrons », a déclaré Paul Roche à Lyon.')).toEqual([['Nous tiendrons', 'Paul Roche', 'déclaré']]);
    expect(credited('„Wir bleiben“, sagte Jonas Keller im Bundestag.')).toEqual([['Wir bleiben', 'Jonas Keller', 'sagte']]);
  });

  it('reads German "„…“, so Keller" (and "so der Minister") as "according to", and "so" nowhere else', () => {
    expect(credited('„Das ist ein schwarzer Tag“, so Keller am Abend.')).toEqual([['Das ist ein schwarzer Tag', 'Keller', 'so']]);
    expect(credited('Jonas Keller kam. „Das ist ein schwarzer Tag“, so der Minister.')).toEqual([['Das ist ein schwarzer Tag', 'Jonas Keller', 'so']]);
    expect(credited('Tom Hale left. “We lost,” so Hale went home.')[0]?.[2]).not.toBe('so');
  });

  it('reads Russian "по его словам" / "по её словам" as his or her words', () => {
    expect(credited('Дмитрий Песков выступил в Москве. По его словам, «переговоры продолжаются».')).toEqual([['переговоры продолжаются', 'Дмитрий Песков', 'По его словам']]);
    expect(credited('Мария Захарова выступила в Москве. По её словам, «ответ будет».')).toEqual([['ответ будет', 'Мария Захарова', 'По её словам']]);
  });

  it('credits Danish and Hungarian quotes to the name after their speech verb', () => {
    expect(credited('»Vi er meget bekymrede«, siger Mette Frederiks.')).toEqual([['Vi er meget bekymrede', 'Mette Frederiks', 'siger']]);
    expect(credited('„Ez egy nagy nap”, mondta Kovács Anna.')).toEqual([['Ez egy nagy nap', 'Kovács Anna', 'mondta']]);
  });

  it('reads a French reflexive verb after its auxiliary as an inverted attribution ("s’est félicité X")', () => {
    expect(credited('« C’est une victoire », s’est félicité Paul Roche.')).toEqual([['C’est une victoire', 'Paul Roche', 'félicité']]);
  });
});

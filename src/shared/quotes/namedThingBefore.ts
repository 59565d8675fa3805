/**
 * Words right before quotation marks that make the quoted words a name or a label rather than speech, in English
 * and the other European news languages:
 * - the noun of a work or a named thing, whatever the case of the title ("der Film „Im Westen nichts Neues“", "la
 *   novela «Cien años de soledad»", "компания «Газпром»", "the TV series “The Crown”") — German, French, Spanish,
 *   Italian and Slavic titles are written in sentence case, so title case cannot tell them;
 * - a word that introduces a label ("nicknamed “the hammer”", "das sogenannte
 *   „Heizungsgesetz“"). (Not "the word “…”" or "dubbed “…”": a term someone used is often what they said, as in
 *   "the senator dubbed the plan “a disaster”");
 * - a caption's or a link's label ("Photo: “Getty Images”", "RELATED: “…”", "Lire aussi : « … »").
 */

/** Nouns of works, publications and named things, in the languages' own spelling, right before the marks. */
const WORK_NOUN = new RegExp(
  `(?:^|[\\s(])(?:${[
    // German (capitalised nouns)
    'Film', 'Buch', 'Roman', 'Lied', 'Song', 'Serie', 'Sendung', 'Album', 'Stück', 'Theaterstück', 'Oper', 'Zeitung', 'Magazin', 'Gesetz', 'Konzern', 'Unternehmen', 'Firma', 'Partei', 'Verein', 'Bündnis', 'Operation', 'Kampagne', 'Programm', 'Schiff',
    // French
    'film', 'livre', 'roman', 'chanson', 'série', 'émission', 'album', 'pièce', 'journal', 'quotidien', 'magazine', 'loi', 'société', 'entreprise', 'parti', 'mouvement', 'opération', 'programme', 'navire',
    // Spanish / Italian
    'película', 'novela', 'libro', 'canción', 'serie', 'programa', 'álbum', 'diario', 'periódico', 'revista', 'ley', 'empresa', 'partido', 'movimiento', 'operación', 'buque',
    'romanzo', 'canzone', 'programma', 'giornale', 'quotidiano', 'rivista', 'legge', 'società', 'azienda', 'partito', 'movimento', 'operazione', 'nave',
    // Russian / Polish
    'фильм', 'фильме', 'книга', 'книге', 'роман', 'песня', 'сериал', 'программа', 'альбом', 'газета', 'газете', 'журнал', 'закон', 'компания', 'компании', 'партия', 'партии', 'движение', 'операция', 'корабль',
    'książka', 'powieść', 'piosenka', 'serial', 'gazeta', 'dziennik', 'ustawa', 'spółka', 'firma', 'partia', 'ruch', 'operacja', 'okręt',
    // English, beyond title case
    'series', 'program', 'programme', 'album', 'song', 'film', 'movie', 'book', 'novel', 'memoir', 'essay', 'podcast', 'hashtag', 'slogan', 'Operation',
  ].join('|')})\\s*$`,
  'u',
);

/** Words that introduce a term or label rather than someone's words. */
const LABEL_WORDS = /(?:^|\s)(?:nicknamed|so-called|the (?:label|hashtag|slogan)|sogenannte[nrms]?|so genannte[nrms]?|(?:el|la|los|las) llamad[oa]s?|denominad[oa]s?|cosiddett[oaie]|так называем\p{L}+)\s*$/iu;

/** A caption or credit label before the marks: "Photo: “…”", "Foto: „…“". */
const CAPTION_LABEL = /(?:^|\n)\s*(?:Photo|Photograph|Image|Picture|Credit|Foto|Bild|Quelle|Source|Fuente|Фото|Related|RELATED|Read more|READ MORE|See also|SEE ALSO|Watch|WATCH|Listen|LISTEN|More|MORE|Lesen Sie auch|Lire aussi|Leer más)\s*:\s*$/u;

export type NamedThingUse = 'title' | 'label' | 'caption';

/** What the words before the opening mark (`before`, a short stretch ending at the mark) make of the quote; null for nothing. */
export function namedThingBefore(before: string): NamedThingUse | null {
  if (CAPTION_LABEL.test(before)) return 'caption';
  if (WORK_NOUN.test(before)) return 'title';
  if (LABEL_WORDS.test(before)) return 'label';
  return null;
}

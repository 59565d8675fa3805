/**
 * The word lists the rule-based attribution works from (English news style).
 * All lower case except the titles and capitalised stop words.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Finite verbs that introduce or follow a quote: "he said", "said Hillel Neuer". */
export const SPEECH_VERBS = set(`
  say says said tell tells told write writes wrote add adds added declare declares declared
  claim claims claimed continue continues continued state states stated tweet tweets tweeted
  post posts posted explain explains explained insist insists insisted note notes noted
  argue argues argued warn warns warned admit admits admitted announce announces announced
  confirm confirms confirmed suggest suggests suggested reply replies replied respond responds
  responded ask asks asked recall recalls recalled conclude concludes concluded stress stresses
  stressed remark remarks remarked acknowledge acknowledges acknowledged complain complains
  complained emphasise emphasises emphasised emphasize emphasizes emphasized urge urges urged
  vow vows vowed lament laments lamented accuse accuses accused call calls called describe
  describes described denounce denounces denounced
`);

/** Participles whose subject is the sentence's subject: "…, declaring “…”". */
export const SPEECH_PARTICIPLES = set(`
  saying writing declaring adding claiming stating noting warning insisting suggesting arguing
  explaining telling tweeting posting calling describing accusing denouncing
`);

/** Two-word cues: first word → second word. */
export const PHRASAL_CUES: ReadonlyMap<string, string> = new Map([
  ['went', 'on'],
  ['goes', 'on'],
  ['go', 'on'],
  ['according', 'to'],
]);

/** Words that may sit between a subject and its verb: "Bondarev also said", "he had written". */
export const BETWEEN_SUBJECT_AND_VERB = set(`
  also then later further again has had have was is previously earlier reportedly once would will
  just recently publicly openly simply subsequently repeatedly allegedly
`);

/** Pronouns resolved to the most recent named person. */
export const RESOLVABLE_PRONOUNS = set('he she');
/** Pronouns that name nobody we can tell (the reporter, a group): speaker stays unknown. */
export const UNRESOLVED_PRONOUNS = set('they we i you it');

/** Head nouns of descriptions that stand for a person: "the former diplomat responded". */
export const PERSON_NOUNS = set(`
  diplomat official minister president spokesman spokeswoman spokesperson ambassador counsellor
  counselor envoy man woman politician lawmaker senator leader director executive founder activist
  author writer veteran chief secretary premier officer general soldier commander witness
  resident analyst expert professor lawyer journalist reporter adviser advisor
`);
/** Determiners that open such a description. */
export const DESCRIPTION_DETERMINERS = set('the this that');

/** Objects of "told" that belong in the cue: "told reporters". */
export const TOLD_OBJECTS = set('reporters journalists him her me us them');
/** Channels after a verb: "wrote in an email", "continued in the letter". */
export const CHANNEL_NOUNS = set(`
  letter email e-mail statement interview post tweet message note video speech op-ed blog
  broadcast podcast memo
`);
export const CHANNEL_DETERMINERS = set('a an the his her their its');

/** Titles before a name; they are not part of it ("Mr Bondarev", "Foreign Minister Sergey Lavrov"). */
export const TITLES = set(`
  Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Sir Dame Lord Lady President Minister Ambassador
  Secretary Senator Sen. Rep. Governor Gov. General Gen. Colonel Col. Captain Capt. Judge Justice
  Chancellor Premier Prince Princess King Queen Pope Bishop Father Rabbi Imam Sheikh Counsellor
  Counselor Chairman Chairwoman Director Commissioner Mayor Spokesman Spokeswoman Deputy
`);

/** Capitalised words that start sentences but are not names. */
export const CAPITALISED_STOP_WORDS = set(`
  A An The In On At Of For From With By To And But Or So Yet Not No As If When While After Before
  Since Until Though Although Because Meanwhile However Also Elsewhere Significantly Earlier Later
  Today Yesterday Tomorrow Then Now This That These Those There Here It Its He She They We I You
  His Her Their Our My Your Let Three Two One Four Five Six Seven Eight Nine Ten Some Many Most
  All Every Each Both Neither Either Such Only Even Still Just More Less Other Another According
  Reached Asked Speaking Writing Under Over Into Onto During Despite Without Within Across Amid
  Following Last Next First Second New
`);

/** Words that make a capitalised phrase an institution or place rather than a person. */
export const INSTITUTION_WORDS = set(`
  Nations Ministry Mission Federation Office News Times Watch Capital Caller Union Navy Press
  Council Court Party Government Parliament Agency Service Group Bank Post Journal Reuters
  University Institute Department Committee Army Police Affairs Foreign Kremlin Republic Kingdom
  States Street Square Airport Company Corporation Inc Ltd Foundation Association Organization
  Organisation Commission Assembly Senate House Congress Church Club Centre Center Forces Guard
  Ministry Embassy Consulate World Europe European Russian Ukrainian Soviet American British
  Western Eastern Northern Southern Geneva Moscow Kyiv Kiev London Washington York Hong Kong
  Korea Africa Arabia America Zealand Lanka East West Twitter LinkedIn Linkedin Facebook
  Instagram Telegram
`);

export const MONTHS_AND_DAYS = set(`
  January February March April May June July August September October November December
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday
`);

/** Words before a "." that does not end a sentence. */
export const ABBREVIATIONS = set(`
  Mr Mrs Ms Dr St Prof Gen Sen Rep Gov Jr Sr Lt Col Capt Sgt vs etc No Inc Ltd Co Mt Ft approx
`);

/**
 * The word lists the rule-based attribution works from (English news style).
 * All lower case except the titles and capitalised stop words.
 */

import { FOREIGN_PERSON_NOUNS } from './foreignRoleNouns';

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
  describes described denounce denounces denounced report reports reported concede concedes
  conceded caution cautions cautioned predict predicts predicted interject interjects interjected
  remember remembers remembered recount recounts recounted opine opines opined bark barks barked
  quip quips quipped joke jokes joked shout shouts shouted yell yells yelled testify testifies
  testified counter counters countered retort retorts retorted observe observes observed wonder
  wonders wondered charge charges charged allege alleges alleged boast boasts boasted brag brags
  bragged promise promises promised pledge pledges pledged answer answers answered agree agrees
  agreed exclaim exclaims exclaimed proclaim proclaims proclaimed contend contends contended
  maintain maintains maintained assert asserts asserted reiterate reiterates reiterated repeat
  repeats repeated object objects objected protest protests protested scoff scoffs scoffed
  mused muse muses told chided chide chides snapped snap snaps thundered sighed sigh sighs
  cried cry cries whispered whisper whispers read reads summed sums offered offers offer
  acknowledged announced advised advise advises predicted speculated speculate speculates
  recalled asserted mocked mock mocks quoted quote quotes assured assure assures demanded demand
  demands replied wrote writes texted emailed e-mailed posits posited reasoned reason reasons
  stressed explained responded surmised added concluded informed informs inform clarified
  clarifies clarify confided confides confide marveled marvelled marvels griped gripes gripe
  fumed fumes fume ranted rants rant conceded elaborated elaborates elaborate
  recommended recommends vented vents
`);

/** Participles whose subject is the sentence's subject: "…, declaring “…”". */
export const SPEECH_PARTICIPLES = set(`
  saying writing declaring adding claiming stating noting warning insisting suggesting arguing
  explaining telling tweeting posting calling describing accusing denouncing asking replying
  responding recalling reporting predicting cautioning conceding urging promising pledging
  vowing boasting joking acknowledging announcing stressing emphasizing emphasising complaining
  lamenting observing quipping reiterating asserting charging alleging contending labeling
  labelling dubbing branding
`);

/** Two-word cues: first word → second word. */
export const PHRASAL_CUES: ReadonlyMap<string, string> = new Map([
  ['went', 'on'],
  ['goes', 'on'],
  ['go', 'on'],
  ['according', 'to'],
  ['put', 'it'],
  ['puts', 'it'],
  ['pointed', 'out'],
  ['points', 'out'],
  ['summed', 'up'],
  // Retorts: "Bennett shot back", "the mayor fired back", "Clinton hit back".
  ['shot', 'back'],
  ['shoots', 'back'],
  ['fired', 'back'],
  ['fires', 'back'],
  ['hit', 'back'],
  ['hits', 'back'],
]);

/** Words that may sit between a subject and its verb: "Bondarev also said", "he had written". */
export const BETWEEN_SUBJECT_AND_VERB = set(`
  also then later further again has had have was is previously earlier reportedly once would will
  just recently publicly openly simply subsequently repeatedly allegedly
`);

/** Pronouns resolved to the most recent named person. */
export const RESOLVABLE_PRONOUNS = set('he she');
/** Pronouns that stand for an organisation or document ("it said"): resolved to the nearest organisation. */
export const ORGANISATION_PRONOUNS = set('it');
/** Pronouns that name nobody we can tell (the reporter, a group): speaker stays unknown. */
export const UNRESOLVED_PRONOUNS = set('they we i you');

/** Head nouns of descriptions that stand for a person: "the former diplomat responded" (and "die Ministerin", "le ministre"). */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([...FOREIGN_PERSON_NOUNS, ...set(`
  diplomat official minister president spokesman spokeswoman spokesperson ambassador counsellor
  counselor envoy man woman politician lawmaker senator leader director executive founder activist
  author writer veteran chief secretary premier officer general soldier commander witness
  resident analyst expert professor lawyer journalist reporter adviser advisor candidate nominee
  governor congressman congresswoman billionaire businessman businesswoman mogul frontrunner
  front-runner mayor judge justice chairman chairwoman strategist pollster operative aide
  congressman representative rep secretary speaker attorney prosecutor economist scientist
  historian professor host anchor commentator pundit columnist attorney-general
  democrat republican chancellor commissioner negotiator pm mp mep ceo
`)]);
/** Head nouns of descriptions that stand for a news outlet: "the newspaper reported". */
export const OUTLET_NOUNS = set(`
  newspaper paper outlet magazine network site website broadcaster daily tabloid publication
  channel station agency
`);
/** Head nouns of descriptions that stand for an organisation: "the ministry said". */
export const ORGANISATION_NOUNS = set(`
  ministry department agency committee campaign company firm group organization organisation
  party administration government office commission council union association institute
  foundation bureau court embassy mission coalition board carmaker automaker retailer lender insurer
  airline manufacturer chipmaker startup conglomerate corporation
`);
/** A description's head noun → the title that marks the same role before a name ("the senator" → "Sen. X"). */
export const ROLE_TITLES: ReadonlyMap<string, readonly string[]> = new Map([
  ['senator', ['Sen', 'Senator']],
  ['governor', ['Gov', 'Governor']],
  ['congressman', ['Rep', 'Representative', 'Congressman']],
  ['congresswoman', ['Rep', 'Representative', 'Congresswoman']],
  ['representative', ['Rep', 'Representative']],
  ['judge', ['Judge', 'Justice']],
  ['justice', ['Justice', 'Judge']],
  ['president', ['President']],
  ['mayor', ['Mayor']],
  ['secretary', ['Secretary']],
  ['minister', ['Minister']],
  ['general', ['Gen', 'General']],
  ['ambassador', ['Ambassador']],
  ['speaker', ['Speaker']],
  ['chancellor', ['Chancellor']],
  ['pm', ['Minister', 'PM']],
  ['mp', ['MP']],
  ['commissioner', ['Commissioner']],
]);
/** Determiners that open such a description. */
export const DESCRIPTION_DETERMINERS = set('the this that der die das le la les el los las il lo');

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
  Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Sir Dame Lord Lady President Minister Ambassador
  Secretary Senator Sen Sen. Rep Rep. Representative Congressman Congresswoman Governor Gov Gov.
  General Gen Gen. Colonel Col Col. Captain Capt Capt. Lt Lt. Sgt Sgt. Adm Adm. Judge Justice
  Speaker Attorney Lieutenant Sheriff Rev Rev. Reverend Cardinal Fr Fr. Cmdr Cmdr. Maj Maj.
  Chancellor Premier Prince Princess King Queen Pope Bishop Father Rabbi Imam Sheikh Counsellor
  Counselor Chairman Chairwoman Director Commissioner Mayor Spokesman Spokeswoman Deputy Leader
  Senators Sens Sens. Reps Reps. Representatives Govs Govs. Governors
`);

/** Capitalised words that start sentences but are not names. */
export const CAPITALISED_STOP_WORDS = set(`
  A An The In On At Of For From With By To And But Or So Yet Not No As If When While After Before
  Since Until Though Although Because Meanwhile However Also Elsewhere Significantly Earlier Later
  Today Yesterday Tomorrow Then Now This That These Those There Here It Its He She They We I You
  His Her Their Our My Your Let Three Two One Four Five Six Seven Eight Nine Ten Some Many Most
  All Every Each Both Neither Either Such Only Even Still Just More Less Other Another According
  Reached Asked Speaking Writing Under Over Into Onto During Despite Without Within Across Amid
  Following Last Next First Second
  Former Among Like Unlike Democratic Republican Democrats Republicans Sources Source Officials
  Why What Who How Where Which Did Does Do Is Are Was Were Will Would Can Could Should Must Has
  Have Had Dear Thank Thanks Yes Mr Mrs Ms Sen Rep Gov Ex Retired Incoming Outgoing Acting Top
  Senior Chief Veteran Longtime Fellow Rival Frontrunner Billionaire Presidential Candidate GOP
  Regarding Moreover Furthermore Still Indeed Instead Plus Perhaps Maybe Just Asked Told Said
  Der Die Das Ein Eine Laut Les Une Selon Según Secondo
  Critics Few Several Others Voters Supporters Opponents Analysts Experts Observers Aides Advisers
  Advocates Activists Protesters Protestors Residents Lawmakers Leaders Members Witnesses Investigators
  Prosecutors Economists Conservatives Liberals Progressives Skeptics Sceptics Detractors Fans Critic
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
  Instagram Telegram Avenue Road County City Island Islands Park Beach Valley Hall Center Hotel
  Hospital School College Campaign Democrats Republicans Caucus Network Magazine Tribune Herald
  Gazette Daily Radio Television Channel Media Review Report Project Fund Board
  Administration Bureau Agency Alliance Coalition Council Initiative Institute Laboratory Lab
  Center Centre Society Network Systems Technologies Partners Capital Holdings Group Airlines
  Motors Stadium Arena Convention Conference Summit Amendment Clause Program
  Programme Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida
  Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland
  Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Hampshire Jersey
  Mexico Carolina Dakota Ohio Oklahoma Oregon Pennsylvania Rhode Tennessee Texas Utah Vermont
  Wisconsin Wyoming Francisco Angeles Diego Chicago Boston Philadelphia Detroit Atlanta
  Miami Dallas Houston Denver Seattle Orleans Vegas Brooklyn Manhattan Iraq Iran Syria Israel
  China Japan India Russia Ukraine Germany France Italy Spain Canada Mexico Cuba Libya Egypt
  Afghanistan Pakistan Islamic Street Wall Lake Mount River Fort Port Bay Creek Falls Heights
  Sénat Assemblée Élysée Matignon Bundestag Bundesrat Bundesregierung Kreml Duma Sejm Riksdag
  Congreso Senado Gobierno Regierung Ministerium Ministeriums Ministère Ministerio Ministero
  Parlament Parlamento Commissione Comisión Komisja Kommission
`);
/** Words that make an organisation a news outlet ("The Washington Post", "CNN"). */
export const OUTLET_WORDS = set(`
  Times Post News Journal Tribune Herald Gazette Magazine Daily Press Reuters Bloomberg Associated
  Network Radio Television TV CNN BBC NBC ABC CBS NPR AP AFP MSNBC Fox Politico Guardian Telegraph
  Observer Economist Atlantic Blaze Caller Beacon Examiner Chronicle Inquirer Globe Star Sun Mirror
  Express Independent Register Dispatch Bulletin Monitor Standard Record Review Wire Hill
  Monde Figaro Libération Spiegel Zeit Süddeutsche Allgemeine Tagesspiegel Tageszeitung País
  Vanguardia Repubblica Corriere Stampa Messaggero Izvestia Kommersant Pravda TASS Interfax
  Wyborcza Rzeczpospolita Aftonbladet Expressen Nyheter Dagbladet Sanomat Volkskrant ANSA EFE
  dpa DPA Tagesschau ТАСС РИА Интерфакс
`);

export const MONTHS_AND_DAYS = set(`
  January February March April May June July August September October November December
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday
  Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar Februar März Mai Juni Juli
  Oktober Dezember
`);

/** Words before a "." that does not end a sentence. */
export const ABBREVIATIONS = set(`
  Mr Mrs Ms Dr St Prof Gen Sen Rep Gov Jr Sr Lt Col Capt Sgt vs etc No Inc Ltd Co Mt Ft approx
  Rev Fr Adm Cmdr Hon Supt Insp Maj Mme Mlle
  Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec Ariz Calif Colo Conn Fla Ill Ind Kan Mass Mich Minn Miss Nev Okla Ore Pa Tenn Wash Wis Va
`);

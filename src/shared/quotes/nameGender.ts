/**
 * The gender a name shows on its face, for matching "he"/"she" to a person:
 * an honorific ("Mr", "Mrs", "Ms") or a common English given name. Anything
 * else is unknown (null); the person index also learns gender from the
 * pronouns the article uses for a person (see buildPersonIndex).
 */
export type Gender = 'm' | 'f';

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

const MALE_TITLES = words('Mr Sir Lord King Prince Father Congressman Brother');
const FEMALE_TITLES = words('Mrs Ms Miss Dame Lady Queen Princess Sister Congresswoman Madam');

/** Common given names (English-language news). */
const MALE_NAMES = words(`
  Aaron Adam Alan Albert Alex Alexander Andrew Andy Anthony Antonio Arthur Barack Ben Benjamin Bernie
  Bernard Bill Billy Bob Bobby Brad Brandon Brian Bruce Bryan Carl Carlos Charles Charlie Chris
  Christopher Chuck Cory Craig Dan Daniel Danny Darrell Dave David Dennis Dick Don Donald Doug Douglas
  Ed Eddie Edward Elijah Eric Eugene Frank Fred Gary George Gerald Glenn Greg Gregory Harold Harry
  Henry Howard Ian Jack Jacob James Jason Jay Jeb Jeff Jeffrey Jerry Jesse Jim Jimmy Joe Joel John
  Johnny Jon Jonathan Jose Joseph Josh Joshua Juan Justin Keith Ken Kenneth Kevin Larry Lawrence Lee
  Leonard Louis Luis Marco Mark Martin Matt Matthew Michael Mike Mitch Mitt Nathan Newt Nicholas Nick
  Orrin Patrick Paul Pete Peter Phil Philip Ralph Rand Randy Ray Raymond Reince Richard Rick Rob Robert
  Roger Ron Ronald Roy Rudy Russell Ryan Sam Samuel Scott Sean Stephen Steve Steven Ted Terry Thomas
  Tim Timothy Todd Tom Tony Vladimir Walter Wayne William Willie Boris Sergey Sergei Hillel Bernd
  Jürgen Hans Klaus Pierre Jean Jacques François Emmanuel Ahmed Mohammed Muhammad Ali Omar Hassan
  Karl Lindsey Marc Reid Roberto Ricardo Jorge Pedro Miguel Manuel Rafael Alejandro Francisco Gavin
  Marty Luke Kyle Tyler Zach Zachary Jeremy Corey Dustin Derek Travis Chad Shawn Marcus Victor Martin Neil
`);
const FEMALE_NAMES = words(`
  Abigail Alice Alicia Allison Amanda Amy Andrea Angela Ann Anna Anne Barbara Betty Beverly Brenda
  Carly Carol Caroline Catherine Cathy Cheryl Christina Christine Cindy Claire Cynthia Dana Deborah
  Debbie Debra Denise Diana Diane Donna Doris Dorothy Elizabeth Ellen Emily Emma Evelyn Frances Gina
  Gloria Hannah Heather Heidi Helen Hillary Huma Jane Janet Janice Jean Jennifer Jessica Jill Joan
  Joanne Joyce Judith Judy Julia Julie Karen Kate Katherine Kathleen Kathryn Kathy Kay Kelly Kim
  Kimberly Laura Lauren Linda Lisa Lori Louise Lynn Margaret Maria Marie Marilyn Martha Mary Megan
  Melania Melissa Michelle Nancy Natalie Nicole Nikki Olivia Pamela Patricia Paula Peggy Rachel Rebecca
  Rose Ruth Sandra Sara Sarah Sharon Shirley Sophia Stephanie Susan Suzanne Teresa Theresa Tiffany
  Tina Tulsi Virginia Wendy Elena Maxine Jan Jeanne Ivanka Kellyanne Hope Dianne Debbie Tammy Elise
  Kirsten Amy Claudia Carmen Anna Olga Irina Natalia Svetlana Angela Ursula Marine Ségolène Hélène
  Betsy Becky Samantha Sandy Polly Annette Carole Cecilia Cecelia Arianna Ava Sally Kristin Megyn Dana
  Sophie Isabel Isabella Lucia Sofia Jenna Brooke Katie Kristen Erin Molly Holly Shannon Courtney
`);

export function genderOfTitle(title: string): Gender | null {
  if (MALE_TITLES.has(title)) return 'm';
  if (FEMALE_TITLES.has(title)) return 'f';
  return null;
}

export function genderOfGivenName(name: string): Gender | null {
  if (MALE_NAMES.has(name)) return 'm';
  if (FEMALE_NAMES.has(name)) return 'f';
  return null;
}

export function genderOfPronoun(word: string): Gender | null {
  if (word.length > 7) return null;
  const lower = word.toLowerCase();
  if (lower === 'he' || lower === 'him' || lower === 'his' || lower === 'himself') return 'm';
  if (lower === 'she' || lower === 'her' || lower === 'hers' || lower === 'herself') return 'f';
  return null;
}

/** Role nouns that say the gender: "spokeswoman", "congresswoman" → 'f'; "spokesman", "businessman" → 'm'. */
export function genderOfRoleNoun(noun: string): Gender | null {
  const lower = noun.toLowerCase();
  if (/woman$/.test(lower)) return 'f';
  // ("chairman" is written of women too.)
  if (/^(?:spokes|congress|business|assembly|council|anchor)man$/.test(lower)) return 'm';
  return null;
}

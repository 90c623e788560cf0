/**
 * Abbreviated titles, one list for every stage: the text layer never ends a sentence after them
 * ("Ms. Patel"), the NER tagger keeps them out of person names, and entity rules read the name after
 * them as a person. Written without the final period.
 */

/** Titles and honorifics before a person's name: "Mr", "Sen.", "Gov.". */
export const PERSON_TITLE_ABBREVIATIONS = [
  'Mr', 'Mrs', 'Ms', 'Mx', 'Messrs', 'Mmes', 'Mme', 'Mlle', 'Dr', 'Drs', 'Prof', 'Profs',
  'Gov', 'Govs', 'Sen', 'Sens', 'Rep', 'Reps', 'Pres', 'Atty', 'Amb', 'Supt', 'Det', 'Insp', 'Hon',
  'Gen', 'Gens', 'Lt', 'Col', 'Capt', 'Cmdr', 'Cdr', 'Sgt', 'Maj', 'Adm', 'Brig', 'Cpl', 'Pvt', 'Spc',
  'Rev', 'Fr', 'Msgr', 'Sr',
] as const;

/** Abbreviations before a place name, which also never end a sentence: "Mt. Everest", "Ft. Worth". */
export const PLACE_TITLE_ABBREVIATIONS = ['Mt', 'Ft'] as const;

/**
 * English function words shared by every stage that needs to tell a clause from a name or a
 * heading: auxiliaries and modals, and subject pronouns with their contractions.
 */
export const AUXILIARIES = [
  'is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "aren't", "wasn't", "weren't",
  'has', 'have', 'had', "hasn't", "haven't", "hadn't",
  'do', 'does', 'did', "don't", "doesn't", "didn't",
  'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must',
  "won't", "wouldn't", "can't", "couldn't", "shouldn't",
] as const;

export const SUBJECT_PRONOUNS = ['i', 'he', 'she', 'we', 'they', 'you', "i'm", "he's", "she's", "we're", "they're", "it's"] as const;

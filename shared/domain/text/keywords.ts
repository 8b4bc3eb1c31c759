/**
 * The keywords of a suggestion: its normalised title and content cut into words by a segmenter (jieba behind the
 * Segmenter port), without stop words, single characters, numbers and punctuation, each word once. The title
 * comes first, so that when a long text is capped the title's words are the ones kept.
 */
import { normaliseText } from './normalise';
import { stopWords } from './stop-words';

/** Cuts normalised text into words (a pure function of its input: the port's contract). */
export type Segment = (text: string) => readonly string[];

/** At most this many keywords per suggestion: a wall of text must not weigh more than a sentence in the counts. */
export const maxKeywords = 30;

/** Punctuation, symbols and white space only. */
const noWord = /^[\p{P}\p{S}\p{Z}\s]*$/u;
/** Numbers, with their decimal point, sign or percent (12345, 3.5, 50%): a count, not a subject. */
const numberLike = /^[+-]?[\d.,%]+$/u;

/** Whether one segmented word can be a keyword. */
export function isKeyword(word: string): boolean {
  if (noWord.test(word) || numberLike.test(word)) return false;
  // One character: a Han character alone (路, 灯, 的) is too ambiguous to mean a topic; a Latin letter even more.
  if ([...word].length < 2) return false;
  return !stopWords.has(word);
}

/** The distinct keywords of already normalised text, in the order they first appear. */
export function keywordsOfText(normalised: string, segment: Segment): string[] {
  const out = new Set<string>();
  for (const raw of segment(normalised)) {
    const word = raw.trim().toLowerCase();
    if (isKeyword(word)) out.add(word);
    if (out.size >= maxKeywords) break;
  }
  return [...out];
}

/** The keywords of a suggestion's title and content. */
export function keywordsOf(title: string, content: string, segment: Segment): string[] {
  return keywordsOfText(normaliseText(`${title}\n${content}`), segment);
}

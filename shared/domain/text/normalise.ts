/**
 * Normalises Chinese text before anything compares or counts it, so that the same words typed differently count
 * as one: full-width letters, digits and punctuation become half-width (NFKC), traditional characters become
 * simplified, the remaining CJK punctuation becomes its ASCII counterpart, Chinese numerals become digits where
 * they can only be a number (a house, building, floor or line number), and runs of white space become one space.
 * Pure: the same text always gives the same result. Reused by keywords, places, and later dedupe and routing.
 */
import * as OpenCC from 'opencc-js/t2cn';

/**
 * Hong Kong variants then standard traditional to mainland simplified, characters only. The phrase tables
 * ('twp') were left out on purpose: run over text that is already simplified they rewrite mainland words
 * (存取 -> 访问, 建立 -> 创建, 影像 -> 图像); the character tables leave simplified text as it is.
 */
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

/** CJK punctuation NFKC leaves alone, mapped to one ASCII form each. */
const punctuation: Record<string, string> = {
  '。': '.',
  '｡': '.',
  '、': ',',
  '､': ',',
  '“': '"',
  '”': '"',
  '„': '"',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '‘': "'",
  '’': "'",
  '《': '<',
  '》': '>',
  '〈': '<',
  '〉': '>',
  '【': '[',
  '】': ']',
  '〔': '[',
  '〕': ']',
  '〖': '[',
  '〗': ']',
  '…': '...',
  '—': '-',
  '–': '-',
  '―': '-',
  '─': '-',
  '·': '·',
  '•': '·',
  '・': '·',
  '〜': '~',
};
const punctuationPattern = new RegExp(`[${Object.keys(punctuation).join('')}]`, 'g');

const digit: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const unit: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十二 -> 12, 三百零五 -> 305, 二〇二六 -> 2026; undefined when it is not a well-formed number below 10,000. */
export function chineseNumeralValue(text: string): number | undefined {
  if (!text) return undefined;
  // Digit by digit (二〇二六, 一二三): positional.
  if (![...text].some((c) => c in unit)) {
    return [...text].every((c) => c in digit) ? Number([...text].map((c) => digit[c]).join('')) : undefined;
  }
  let total = 0;
  let pending: number | undefined;
  let lastUnit = Infinity;
  for (const c of text) {
    if (c in digit) {
      if (pending !== undefined && pending !== 0) return undefined; // two digits in a row (三四十)
      pending = digit[c]!;
    } else if (c in unit) {
      const u = unit[c]!;
      if (u >= lastUnit) return undefined; // 十百, 百百
      total += (pending ?? (u === 10 ? 1 : undefined) ?? NaN) * u;
      if (Number.isNaN(total)) return undefined;
      pending = undefined;
      lastUnit = u;
    } else {
      return undefined;
    }
  }
  return total + (pending ?? 0);
}

/**
 * A numeral is converted only right before a word that makes it a number: 三号楼, 十二栋, 五单元, 二十层, 三号线,
 * 八组. Elsewhere a numeral is often part of a word (一些, 一起, 十分, 三轮车, 万一) and stays as written.
 */
const numberedUnits = ['号线', '号楼', '号院', '号', '栋', '幢', '单元', '层', '楼', '室', '期', '组', '巷', '弄'];
const numeralPattern = new RegExp(`([零〇一二两三四五六七八九十百千]+)(?=${numberedUnits.join('|')})`, 'g');

function numeralsToDigits(text: string): string {
  return text.replace(numeralPattern, (match) => {
    const value = chineseNumeralValue(match);
    return value === undefined ? match : String(value);
  });
}

/** The normalised form of a text: see the module comment for what changes. */
export function normaliseText(text: string): string {
  const halfWidth = text.normalize('NFKC');
  const simplified = toSimplified(halfWidth);
  const unified = simplified.replace(punctuationPattern, (c) => punctuation[c] ?? c);
  return numeralsToDigits(unified).replace(/\s+/gu, ' ').trim();
}

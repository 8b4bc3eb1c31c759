/**
 * What a campaign's printed poster says, beside its QR code: the theme cut to what a passer-by reads (whole
 * sentences where they fit, otherwise a clean cut with an ellipsis), and the window in Beijing time. Pure.
 */

/** About four lines of large print on A4. */
export const posterThemeMax = 120;

const sentenceEnd = /[。！？!?；;.]/;

/**
 * The theme shortened to at most `max` characters: its first paragraph, then as many whole sentences as fit; a
 * first sentence longer than that is cut at `max - 1` with "…". Counted in code points (a Chinese character is one).
 */
export function shortenTheme(theme: string, max = posterThemeMax): string {
  const paragraph = theme.trim().split(/\n\s*\n|\r?\n/)[0]!.trim();
  const chars = [...paragraph];
  if (chars.length <= max) return paragraph;
  let cut = -1;
  for (let i = 0; i < max; i++) if (sentenceEnd.test(chars[i]!)) cut = i;
  // A sentence end too early (under a third) would drop most of what fits: cut mid-sentence instead.
  if (cut >= Math.floor(max / 3)) return chars.slice(0, cut + 1).join('');
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

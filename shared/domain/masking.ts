/**
 * How contact details show to staff until someone with a need reveals them (an audited act): enough to tell two
 * apart, not enough to reach anyone. One set of rules for a suggestion's contact and a notification's recipient.
 */

/** 张三 → 张*, 欧阳修文 → 欧*** */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}

/** 13812345678 → 138****5678; anything too short to keep 7 digits back is hidden whole. */
export function maskPhone(phone: string): string {
  return phone.length < 11 ? '****' : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** zhang@example.com → z***@example.com */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

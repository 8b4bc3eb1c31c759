import { describe, expect, it } from 'vitest';
import { negotiateLocale } from '../../../shared/domain/i18n/messages';

describe('the caller’s language (Accept-Language, RFC 9110 §12.5.4)', () => {
  it('takes the highest quality value, in order among equals, and zh-CN when nothing is said or nothing matches', () => {
    expect(negotiateLocale(undefined)).toBe('zh-CN');
    expect(negotiateLocale('')).toBe('zh-CN');
    expect(negotiateLocale('en-GB,en;q=0.9')).toBe('en');
    expect(negotiateLocale('zh;q=0.1, en;q=0.9')).toBe('en');
    expect(negotiateLocale('en;q=0.5, zh-CN;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale('fr, en-US;q=0.5')).toBe('en');
    expect(negotiateLocale('zh-Hans-CN, en')).toBe('zh-CN');
    expect(negotiateLocale('fr, de')).toBe('zh-CN');
  });

  it('never picks a language weighted q=0, takes * as "any" (the default) and ignores a malformed weight', () => {
    expect(negotiateLocale('en;q=0, zh;q=0.2')).toBe('zh-CN');
    expect(negotiateLocale('zh;q=0, en')).toBe('en');
    expect(negotiateLocale('*;q=0.5, en;q=0.4')).toBe('zh-CN');
    expect(negotiateLocale('en;q=abc, zh;q=0.3')).toBe('zh-CN');
    // "english" is not a range of en: basic filtering matches whole subtags.
    expect(negotiateLocale('english')).toBe('zh-CN');
  });
});

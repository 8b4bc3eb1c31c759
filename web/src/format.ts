/**
 * Dates as people read them. Deadlines are working days on the official calendar in China, so times are shown
 * in China Standard Time whatever the device's time zone, and a deadline reads the same to citizen and staff.
 */
import { categoryNames, type Category } from '../../shared/domain/intake/categories';
import type { Locale } from '../../shared/domain/i18n/messages';

const timeZone = 'Asia/Shanghai';
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      year: 'numeric',
      month: locale === 'en' ? 'short' : 'long',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    cache.set(key, format);
  }
  return format;
}

export function formatDateTime(iso: string | undefined, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter(locale, true).format(date);
}

export function formatDate(iso: string | undefined, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter(locale, false).format(date);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function categoryName(category: string, locale: Locale): string {
  return category in categoryNames ? categoryNames[category as Category][locale] : category;
}

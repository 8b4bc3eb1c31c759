/**
 * Dates as people read them. Deadlines are working days on the official calendar in China, so times are shown
 * in China Standard Time whatever the device's time zone, and a deadline reads the same to citizen and staff.
 */
import { categoryNames, type Category } from '../../shared/domain/intake/categories';
import type { Locale } from '../../shared/domain/i18n/messages';

const timeZone = 'Asia/Shanghai';
const cache = new Map<string, Intl.DateTimeFormat>();

type Style = 'date' | 'dateTime' | 'compact';

function formatter(locale: Locale, style: Style): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      // Compact (queue rows): the year is noise for deadlines that are days away.
      ...(style === 'compact' ? {} : { year: 'numeric' }),
      month: locale === 'en' ? 'short' : 'long',
      day: 'numeric',
      ...(style === 'date' ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    });
    cache.set(key, format);
  }
  return format;
}

function format(iso: string | undefined, locale: Locale, style: Style): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter(locale, style).format(date);
}

export function formatDateTime(iso: string | undefined, locale: Locale): string {
  return format(iso, locale, 'dateTime');
}

export function formatDate(iso: string | undefined, locale: Locale): string {
  return format(iso, locale, 'date');
}

/** Month, day and time, without the year: for table rows. */
export function formatCompact(iso: string | undefined, locale: Locale): string {
  return format(iso, locale, 'compact');
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function categoryName(category: string, locale: Locale): string {
  return category in categoryNames ? categoryNames[category as Category][locale] : category;
}

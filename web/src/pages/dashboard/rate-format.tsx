/** How the dashboard writes a rate, and links each count to the suggestions behind it. */
import type { Ratio } from '../../../../shared/http/api-types';
import type { Locale } from '../../../../shared/domain/i18n/messages';
import { formatNumber } from '../../format';
import { href } from '../../router';

export interface Where {
  group: string;
  kind: string;
  period: string;
}

export function percent(ratio: Ratio | undefined, locale: Locale): string {
  return ratio?.value === undefined ? '—' : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(ratio.value * 100)}%`;
}

export function percentValue(ratio: Ratio | undefined): number | null {
  return ratio?.value === undefined ? null : Math.round(ratio.value * 1000) / 10;
}

/** The queue, filtered to what one count of one group in one period is made of. */
export function drillHref(where: Where, measure: string): string {
  return href('/staff', { measure, group: where.group, kind: where.kind, period: where.period });
}

/** A count as a link to its list (a zero is plain: there is nothing to list). */
export function CountLink({ count, measure, where, locale, label }: { count: number; measure: string; where: Where; locale: Locale; label?: string }) {
  const text = formatNumber(Math.round(count * 10) / 10, locale);
  if (count <= 0) return <span>{text}</span>;
  return (
    <a href={drillHref(where, measure)} aria-label={label ? `${label}: ${text}` : undefined} data-measure={measure}>
      {text}
    </a>
  );
}

/**
 * Whether the working calendar knows the holidays of the years deadlines are counted in. A year is covered by the
 * official package (chinese-days) or by a published schedule an admin imported for it; an uncovered year counts
 * every weekday as a working day, so its deadlines come too early around the holidays.
 *
 * Admins are warned from 60 days before an uncovered year begins (the State Council publishes the schedule in
 * November or December; a 60-calendar-day study-tier deadline set then already ends in the new year) and for as
 * long as the current year is uncovered.
 */
import { dayNumber, officeDayOf, type DayLike } from './office-time';
import { officialYears } from './official-holidays';

export const coverageWarningDays = 60;

/** Official years plus the years an admin declared by importing their schedule. */
export function coveredBy(declaredYears: readonly number[], official: ReadonlySet<number> = officialYears): (year: number) => boolean {
  const declared = new Set(declaredYears);
  return (year) => official.has(year) || declared.has(year);
}

/** The years an admin should be warned about today: this year if uncovered, and next year from 60 days before it. */
export function uncoveredYearsAhead(today: DayLike, covered: (year: number) => boolean): number[] {
  const day = typeof today === 'string' ? today : officeDayOf(today);
  const year = Number(day.slice(0, 4));
  const nextStarts = dayNumber(`${year + 1}-01-01`);
  const years = dayNumber(day) >= nextStarts - coverageWarningDays ? [year, year + 1] : [year];
  return years.filter((y) => !covered(y));
}

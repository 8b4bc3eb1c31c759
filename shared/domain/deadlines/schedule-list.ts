/**
 * A holiday schedule pasted as a list, one date or date range per line, each saying whether it is a day off (休)
 * or a makeup workday (班), with an optional name:
 *
 *   2027-01-01 休 元旦
 *   2027-02-06 班 春节调休上班
 *   2027-02-10 ~ 2027-02-16 休 春节
 *
 * or as two lists under headings (放假： … 调休上班： …), where a line needs no 休/班 of its own. Dates may be written
 * 2027-1-1, 2027/01/01, 2027.01.01 or 2027年1月1日. Blank lines and lines starting with # are skipped.
 */
import type { OverrideKind } from './calendar';
import { isDayString } from './office-time';
import { daysFrom, finishSchedule, scheduleError, type ParsedSchedule, type SourcedDay } from './schedule';

const kindWords: Record<string, OverrideKind> = {
  休: 'holiday',
  假: 'holiday',
  放假: 'holiday',
  假期: 'holiday',
  休息: 'holiday',
  休息日: 'holiday',
  节假日: 'holiday',
  holiday: 'holiday',
  holidays: 'holiday',
  off: 'holiday',
  'days off': 'holiday',
  班: 'workday',
  上班: 'workday',
  补班: 'workday',
  调休上班: 'workday',
  工作日: 'workday',
  workday: 'workday',
  workdays: 'workday',
  work: 'workday',
  makeup: 'workday',
  'makeup workday': 'workday',
  'makeup workdays': 'workday',
};

const datePattern = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`;
const leadingDate = new RegExp(`^${datePattern}`);
const rangeRest = new RegExp(String.raw`^\s*(?:~|～|至|到|—|–|\.\.|\s-\s)\s*${datePattern}`);

function isoDay(year: string, month: string, day: string): string {
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function kindOf(word: string): OverrideKind | undefined {
  return kindWords[word.toLowerCase()];
}

/** A heading line such as '放假：' or 'Makeup workdays:' sets the kind of the lines below it. */
function heading(line: string): OverrideKind | undefined {
  const match = /^(.+?)\s*[:：]?$/.exec(line);
  return match ? kindOf(match[1]!.trim()) : undefined;
}

export function parseScheduleList(text: string, year?: number): ParsedSchedule {
  const days: SourcedDay[] = [];
  let current: OverrideKind | undefined;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const line = raw.trim();
      const number = index + 1;
      if (!line || line.startsWith('#')) return;
      const section = heading(line);
      if (section) {
        current = section;
        return;
      }
      const first = leadingDate.exec(line);
      if (!first) throw scheduleError({ rule: 'scheduleDate', params: { line: number, text: line.split(/\s+/)[0]!.slice(0, 20) } });
      const start = isoDay(first[1]!, first[2]!, first[3]!);
      if (!isDayString(start)) throw scheduleError({ rule: 'scheduleDate', params: { line: number, text: first[0].trim() } });
      let rest = line.slice(first[0].length);
      let end = start;
      const second = rangeRest.exec(rest);
      if (second) {
        end = isoDay(second[1]!, second[2]!, second[3]!);
        if (!isDayString(end)) throw scheduleError({ rule: 'scheduleDate', params: { line: number, text: second[0].trim() } });
        rest = rest.slice(second[0].length);
      }
      const span = daysFrom(start, end);
      if (!span) throw scheduleError({ rule: 'scheduleRange', params: { line: number } });

      const tokens = rest.trim().replace(/^[,，、;；|]+/, '').trim();
      let word = /^([^\s,，、;；|]+(?:\s+(?:workdays?|off))?)/i.exec(tokens)?.[1] ?? '';
      let stated = kindOf(word);
      // '休春节' written without a space: the one-character mark leads.
      if (!stated && /^[休班]/.test(tokens)) [word, stated] = [tokens[0]!, kindOf(tokens[0]!)];
      const kind = stated ?? current;
      if (!kind) throw scheduleError({ rule: 'scheduleKind', params: { line: number } });
      const name = (stated ? tokens.slice(word.length) : tokens).replace(/^[\s,，、;；|]+/, '').trim();
      for (const date of span) days.push({ date, kind, ...(name ? { name } : {}), source: { line: number } });
    });
  return finishSchedule(days, [], year);
}

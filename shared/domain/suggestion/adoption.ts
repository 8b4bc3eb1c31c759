/**
 * 采纳 / 转化运用: the record that a suggestion's idea was taken up — what was done with it, on which office day,
 * by which department, with an optional public evidence link — and the progress updates that follow it. A
 * suggestion is adopted at most once; a mistaken record is corrected (with a reason, the previous terms kept),
 * never recorded again. Pure: the staff actions in use-cases/staff-actions/ build and check records with these.
 */
import { officeDay } from '../office-day';

/** What the adoption says: the part a correction may change. */
export interface AdoptionTerms {
  /** What was done with the idea (public). */
  outcome: string;
  /** The office day it was adopted (YYYY-MM-DD). */
  adoptedOn: string;
  /** The adopting department (from the directory; not necessarily the lead department). */
  departmentId: string;
  /**
   * The department's names as the directory had them when recorded: the citizen's view needs no directory read,
   * and a department renamed later keeps the name it adopted under.
   */
  departmentName: string;
  departmentNameEn: string;
  /** A public page that shows it (https only). */
  evidenceUrl?: string;
}

/** 转化运用进展: one later update, appended (public). */
export interface AdoptionUpdate {
  text: string;
  /** The office day the update is about (YYYY-MM-DD). */
  date: string;
  evidenceUrl?: string;
  /** When and by whom (staff name) it was recorded. */
  at: string;
  by: string;
}

/** A correction of a mistaken record: why, and what it said before. */
export interface AdoptionCorrection {
  at: string;
  by: string;
  reason: string;
  before: AdoptionTerms;
}

export interface Adoption extends AdoptionTerms {
  recordedAt: string;
  /** The staff member's name. */
  recordedBy: string;
  updates: AdoptionUpdate[];
  corrections: AdoptionCorrection[];
}

/** 案例库: marked for the public case library (only an adopted idea), by whom and when. */
export interface FeaturedMark {
  at: string;
  by: string;
}

/** Adopted: by its adoption record, or (data from before the records) by the reply's flag. */
export function isAdopted(s: { adoption?: Adoption; reply?: { adopted?: boolean } }): boolean {
  return !!s.adoption || !!s.reply?.adopted;
}

/** An https URL with a host and no credentials in it (an evidence link is shown to the public). */
export function isHttpsUrl(value: string): boolean {
  // As written, not as URL parsing forgives it (https:///x would become https://x/).
  if (!/^https:\/\/[^/\\\s]/i.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !!url.hostname && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Why an office day cannot be the date of an adoption or update: in the future, or before `notBefore`. */
export type DayProblem = { rule: 'notInFuture'; params: { today: string } } | { rule: 'tooEarly'; params: { day: string } };

export function dayProblem(day: string, now: Date, notBefore: string): DayProblem | undefined {
  const today = officeDay(now);
  if (day > today) return { rule: 'notInFuture', params: { today } };
  if (day < notBefore) return { rule: 'tooEarly', params: { day: notBefore } };
  return undefined;
}

export function recordAdoption(terms: AdoptionTerms, at: string, by: string): Adoption {
  return { ...withoutEmptyLink(terms), recordedAt: at, recordedBy: by, updates: [], corrections: [] };
}

function termsOf(a: AdoptionTerms): AdoptionTerms {
  return withoutEmptyLink({
    outcome: a.outcome,
    adoptedOn: a.adoptedOn,
    departmentId: a.departmentId,
    departmentName: a.departmentName,
    departmentNameEn: a.departmentNameEn,
    evidenceUrl: a.evidenceUrl,
  });
}

function withoutEmptyLink(terms: AdoptionTerms): AdoptionTerms {
  const { evidenceUrl, ...rest } = terms;
  return evidenceUrl ? { ...rest, evidenceUrl } : rest;
}

/** Whether new terms differ from the record's (a correction that changes nothing is refused). */
export function changesTerms(adoption: Adoption, terms: AdoptionTerms): boolean {
  const before = termsOf(adoption);
  const after = termsOf(terms);
  return (['outcome', 'adoptedOn', 'departmentId', 'evidenceUrl'] as const).some((k) => before[k] !== after[k]);
}

/** The corrected record: the new terms, the old ones kept in its corrections; updates stay. */
export function correctAdoption(adoption: Adoption, terms: AdoptionTerms, correction: { at: string; by: string; reason: string }): Adoption {
  return {
    ...withoutEmptyLink(terms),
    recordedAt: adoption.recordedAt,
    recordedBy: adoption.recordedBy,
    updates: adoption.updates,
    corrections: [...adoption.corrections, { ...correction, before: termsOf(adoption) }],
  };
}

export function addAdoptionUpdate(adoption: Adoption, update: AdoptionUpdate): Adoption {
  const { evidenceUrl, ...rest } = update;
  return { ...adoption, updates: [...adoption.updates, evidenceUrl ? { ...rest, evidenceUrl } : rest] };
}

/**
 * What every staff page needs: who is signed in (GET /api/staff/me) and the departments (for names and the
 * filter). Both are fetched once per sign-in and shared.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../shared/domain/i18n/messages';
import type { Department, StaffMe } from '../../shared/http/api-types';
import { RequestError } from './api';
import { knownMe, readToken, rememberMe } from './session';
import { getDepartments, getMe } from './staff-api';

let departments: Promise<Department[]> | undefined;
let departmentsToken: string | undefined;

function loadDepartments(): Promise<Department[]> {
  const token = readToken();
  if (!departments || departmentsToken !== token) {
    departmentsToken = token;
    departments = getDepartments()
      .then((response) => response.departments)
      .catch((error: unknown) => {
        departments = undefined;
        throw error;
      });
  }
  return departments;
}

/** After an admin changes the departments, every page reads them afresh. */
export function forgetDepartments(): void {
  departments = undefined;
}

const meListeners = new Set<(me: StaffMe) => void>();

/**
 * After the calendar page learns the coverage as it is now (it loaded or imported a schedule), the staff bar of
 * every page shows it at once, without signing in again. Admins only: only they are warned.
 */
export function updateCalendarWarning(uncoveredYears: number[]): void {
  const current = knownMe();
  if (!current || current.role !== 'admin') return;
  const { calendarWarning: _previous, ...rest } = current;
  const next: StaffMe = uncoveredYears.length ? { ...rest, calendarWarning: { uncoveredYears } } : rest;
  rememberMe(next);
  for (const listener of meListeners) listener(next);
}

export interface StaffBasics {
  me?: StaffMe;
  departments: Department[];
  error?: string;
}

export function useStaffBasics(): StaffBasics {
  const [state, setState] = useState<StaffBasics>({ me: knownMe(), departments: [] });
  useEffect(() => {
    const listener = (me: StaffMe) => setState((s) => ({ ...s, me }));
    meListeners.add(listener);
    return () => {
      meListeners.delete(listener);
    };
  }, []);
  useEffect(() => {
    let live = true;
    const me = knownMe()
      ? Promise.resolve(knownMe()!)
      : getMe().then((fetched) => {
          rememberMe(fetched);
          return fetched;
        });
    Promise.all([me, loadDepartments()]).then(
      ([fetchedMe, fetchedDepartments]) => live && setState({ me: fetchedMe, departments: fetchedDepartments }),
      (error: unknown) =>
        // A 401 has already sent the person to sign-in.
        live && error instanceof RequestError && error.status !== 401 && setState((s) => ({ ...s, error: error.message })),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export function departmentName(departments: Department[], id: string | undefined, locale: Locale): string | undefined {
  if (!id) return undefined;
  const department = departments.find((d) => d.id === id);
  if (!department) return id;
  return locale === 'en' ? department.en : department.name;
}

/** The queue as last shown (with its filters), for the detail page's way back. */
let queueHref = '#/staff';
export function rememberQueueHref(value: string): void {
  queueHref = value;
}
export function lastQueueHref(): string {
  return queueHref;
}

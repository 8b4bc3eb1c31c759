/** What the citizen sees of an adoption record (adoption records, issue 10 point 4). */
import type { Adoption } from './adoption';
import type { CitizenAdoption } from './view-types';

export { isAdopted } from './adoption';

/** The outcome, day, department and link, and each update: never who typed it, nor why it was corrected. */
export function citizenAdoption(a: Adoption): CitizenAdoption {
  return {
    outcome: a.outcome,
    adoptedOn: a.adoptedOn,
    departmentName: a.departmentName,
    departmentNameEn: a.departmentNameEn,
    ...(a.evidenceUrl ? { evidenceUrl: a.evidenceUrl } : {}),
    updates: a.updates.map((u) => ({ text: u.text, date: u.date, ...(u.evidenceUrl ? { evidenceUrl: u.evidenceUrl } : {}) })),
  };
}

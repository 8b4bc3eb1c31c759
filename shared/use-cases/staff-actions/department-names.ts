import type { Department } from '../../domain/organisation/department';

/** A department's names for a notification, its id standing in for a department the directory lacks. */
export function departmentNames(departments: readonly Department[], id: string): { name: string; en: string } {
  const department = departments.find((d) => d.id === id);
  return { name: department?.name ?? id, en: department?.en ?? id };
}

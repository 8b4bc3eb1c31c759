/** Offices work in China Standard Time (UTC+8, no daylight saving), whatever zone the server runs in. */
export const officeOffsetMs = 8 * 3600_000;

/** The office day of an instant, as YYYY-MM-DD. */
export function officeDay(at: string | Date): string {
  return new Date(new Date(at).getTime() + officeOffsetMs).toISOString().slice(0, 10);
}

/**
 * A source system's submission time as its export writes it: "2026-11-03 14:05", "2026/11/3 14:05:00",
 * "2026年11月3日 14:05", an ISO time with its zone, or an Excel serial date (days since 1899-12-30). Without a
 * zone it is Beijing time (UTC+8), as the hotline's staff wrote it.
 */
const localPattern = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2}))?秒?)?$/;

export function parseSourceTime(text: string): Date | undefined {
  const value = text.trim();
  if (!value) return undefined;
  if (/^\d{4,5}(\.\d+)?$/.test(value)) {
    const serial = Number(value);
    // Excel's epoch; the serial's clock time is the local time written, so Beijing.
    if (serial < 20000 || serial > 80000) return undefined;
    return new Date(Math.round((serial - 25569) * 86400_000) - 8 * 3600_000);
  }
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  const m = localPattern.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1).map((p) => p ?? undefined) as string[];
  const parts = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)] as const;
  if (parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > 31 || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return undefined;
  const utc = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]) - 8 * 3600_000;
  const date = new Date(utc);
  // 2026-02-30 rolls over: refused rather than moved.
  if (new Date(utc + 8 * 3600_000).getUTCDate() !== parts[2]) return undefined;
  return date;
}

/**
 * Admin: the working-day calendar's overrides. The official calendar package covers `officialYears`; for later
 * years an admin imports the published schedule (calendar-import.tsx), which marks the year covered, and enters
 * local exceptions day by day here (saving replaces the whole list). The server names the uncovered years that
 * deadlines reach now or within 60 days; the staff bar of every page warns about them too.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CalendarOverridesResponse } from '../../../shared/http/api-types';
import { RequestError } from '../api';
import { DataTable } from '../components/data-table';
import { StaffPage } from '../components/staff-page';
import { useI18n } from '../i18n';
import { getCalendarOverrides, putCalendarOverrides } from '../staff-api';
import { updateCalendarWarning, useStaffBasics } from '../staff-data';
import { useLoad } from '../use-load';
import { ScheduleImport } from './calendar-import';

type Override = CalendarOverridesResponse['overrides'][number];
interface Row extends Override {
  key: number;
}

let nextKey = 1;
const toRows = (overrides: Override[]): Row[] =>
  [...overrides].sort((a, b) => a.date.localeCompare(b.date)).map((o) => ({ ...o, key: nextKey++ }));

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** 2004, 2005, …, 2026 → "2004–2026"; gaps start a new range. */
export function yearRanges(years: number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

export function CalendarPage() {
  const { t } = useI18n();
  const { me } = useStaffBasics();
  const [officialYears, setOfficialYears] = useState<number[]>();
  const [coverage, setCoverage] = useState<Pick<CalendarOverridesResponse, 'coveredYears' | 'uncoveredYears'>>({ coveredYears: [], uncoveredYears: [] });
  const [rows, setRows] = useState<Row[]>([]);
  const [problems, setProblems] = useState<Record<number, { date?: string; name?: string }>>({});
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState('');
  const [dirty, setDirty] = useState(false);
  const focusKey = useRef<number>();

  const calendar = useLoad(getCalendarOverrides, [], { onLoaded: show });
  const shownError = error ?? calendar.error;

  useEffect(() => {
    if (focusKey.current === undefined) return;
    document.getElementById(`cal-date-${focusKey.current}`)?.focus();
    focusKey.current = undefined;
  }, [rows]);

  /** A server answer: the list, the official years, and the coverage (which the staff bar shows as well). */
  function show(response: CalendarOverridesResponse): void {
    setOfficialYears(response.officialYears);
    setRows(toRows(response.overrides));
    setCoverage({ coveredYears: response.coveredYears ?? [], uncoveredYears: response.uncoveredYears ?? [] });
    updateCalendarWarning(response.uncoveredYears ?? []);
  }

  const update = (key: number, change: Partial<Override>) => {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
    setDirty(true);
    setStatus('');
  };

  function addRow(): void {
    const key = nextKey++;
    focusKey.current = key;
    setRows((current) => [...current, { key, date: '', kind: 'holiday', name: '' }]);
    setDirty(true);
    setStatus('');
  }

  function removeRow(index: number): void {
    const row = rows[index]!;
    setRows((current) => current.filter((r) => r.key !== row.key));
    setDirty(true);
    setStatus(t('cal.removed', { date: row.date || '—' }));
    // Focus the next row's remove button, or the add button.
    setTimeout(() => {
      const buttons = document.querySelectorAll<HTMLButtonElement>('[data-remove]');
      (buttons[Math.min(index, buttons.length - 1)] ?? document.getElementById('cal-add'))?.focus();
    });
  }

  async function save(): Promise<void> {
    const found: Record<number, { date?: string }> = {};
    const seen = new Set<string>();
    for (const row of rows) {
      if (!row.date) found[row.key] = { date: t('rule.required') };
      else if (!isDate(row.date)) found[row.key] = { date: t('rule.date') };
      else if (seen.has(row.date)) found[row.key] = { date: t('cal.duplicate') };
      seen.add(row.date);
    }
    setProblems(found);
    setError(undefined);
    setFieldErrors([]);
    setStatus('');
    const firstBad = rows.find((row) => found[row.key]);
    if (firstBad) {
      document.getElementById(`cal-date-${firstBad.key}`)?.focus();
      return;
    }
    const overrides: Override[] = rows
      .map(({ date, kind, name }) => ({ date, kind, ...(name?.trim() ? { name: name.trim() } : {}) }))
      .sort((a, b) => a.date.localeCompare(b.date));
    setSaving(true);
    try {
      const saved = await putCalendarOverrides(overrides);
      if (saved) show(saved);
      else setRows(toRows(overrides));
      setDirty(false);
      setStatus(t('cal.saved', { count: overrides.length }));
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      if (caught.status === 401) return;
      setError(caught.message);
      setFieldErrors(Object.entries(caught.fields ?? {}).map(([field, message]) => `${field}: ${message}`));
    } finally {
      setSaving(false);
    }
  }

  const missing = coverage.uncoveredYears;

  return (
    <StaffPage me={me} heading={t('cal.heading')}>
      <p class="lead">{t('cal.intro')}</p>
      {officialYears && (
        <p data-testid="official-years">
          {t('cal.official', { years: officialYears.length ? yearRanges(officialYears) : '—' })}
          {coverage.coveredYears.length > 0 && <> {t('cal.imported', { years: yearRanges(coverage.coveredYears) })}</>}
        </p>
      )}
      {/* Admins see the same warning in the staff bar, with the way to fix it right below. */}
      {missing.length > 0 && me?.role !== 'admin' && (
        <p class="alert alert-warning" data-testid="calendar-warning">
          {t('cal.missing', { years: missing.join(', ') })}
        </p>
      )}
      {shownError && (
        <div class="alert alert-error" role="alert">
          <p>{shownError}</p>
          {fieldErrors.length > 0 && (
            <ul>
              {fieldErrors.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!officialYears && !shownError && <p class="hint">{t('common.loading')}</p>}

      {officialYears && me?.role === 'admin' && <ScheduleImport onImported={show} />}

      {officialYears && (
        <form
          noValidate
          class="calendar-form"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          {rows.length === 0 ? (
            <p class="empty">{t('cal.empty')}</p>
          ) : (
            <DataTable label={t('cal.heading')} captioned class="calendar" columns={[t('cal.date'), t('cal.kind'), t('cal.name'), { hidden: t('cal.remove') }]}>
              {rows.map((row, index) => {
                const problem = problems[row.key]?.date;
                return (
                  <tr key={row.key} data-testid="calendar-row" class={problem ? 'field-invalid' : undefined}>
                    <td>
                      <label class="visually-hidden" for={`cal-date-${row.key}`}>
                        {t('cal.date')} {index + 1}
                      </label>
                      <input
                        id={`cal-date-${row.key}`}
                        type="date"
                        value={row.date}
                        aria-invalid={problem ? 'true' : undefined}
                        aria-describedby={problem ? `cal-date-${row.key}-error` : undefined}
                        onInput={(e) => update(row.key, { date: e.currentTarget.value })}
                      />
                      {problem && (
                        <p class="field-error" id={`cal-date-${row.key}-error`}>
                          {problem}
                        </p>
                      )}
                    </td>
                    <td>
                      <label class="visually-hidden" for={`cal-kind-${row.key}`}>
                        {t('cal.kind')} {index + 1}
                      </label>
                      <select
                        id={`cal-kind-${row.key}`}
                        value={row.kind}
                        onChange={(e) => update(row.key, { kind: e.currentTarget.value as Override['kind'] })}
                      >
                        <option value="holiday">{t('cal.kind.holiday')}</option>
                        <option value="workday">{t('cal.kind.workday')}</option>
                      </select>
                    </td>
                    <td>
                      <label class="visually-hidden" for={`cal-name-${row.key}`}>
                        {t('cal.name')} {index + 1}
                      </label>
                      <input
                        id={`cal-name-${row.key}`}
                        type="text"
                        maxLength={40}
                        value={row.name ?? ''}
                        onInput={(e) => update(row.key, { name: e.currentTarget.value })}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        class="button button-small"
                        data-remove
                        aria-label={t('cal.removeLabel', { date: row.date || String(index + 1) })}
                        onClick={() => removeRow(index)}
                      >
                        {t('cal.remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          )}
          <div class="actions">
            <button type="button" id="cal-add" class="button" onClick={addRow}>
              {t('cal.add')}
            </button>
            <button type="submit" class="button button-primary" disabled={saving}>
              {saving ? t('act.sending') : t('cal.save')}
            </button>
          </div>
          <p role="status" class={status ? 'alert alert-info' : 'hint'}>
            {status || (dirty ? t('cal.unsaved') : '')}
          </p>
        </form>
      )}
    </StaffPage>
  );
}

/**
 * Admin: paste (or upload) a published holiday schedule instead of entering its days one by one — a list of dates
 * with 休 / 班, or an .ics feed. The server parses it: Preview shows what will be saved for which year (and which
 * stored days it replaces), Save imports it and marks the year covered. A changed text must be previewed again.
 */
import { useRef, useState } from 'preact/hooks';
import type { CalendarOverridesResponse, CalendarScheduleRequest, CalendarSchedulePreview } from '../../../shared/http/api-types';
import { RequestError } from '../api';
import { DataTable } from '../components/data-table';
import { ErrorAlert } from '../components/error-alert';
import { Field } from '../components/field';
import { RadioChoices } from '../components/radio-choices';
import { useI18n } from '../i18n';
import { importCalendarSchedule, previewCalendarSchedule } from '../staff-api';

/** The API takes up to 64 KB; a feed of many years is larger than any one year's schedule needs. */
const maxFileBytes = 60_000;

const weekday = (date: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

export function ScheduleImport({ onImported }: { onImported: (saved: CalendarOverridesResponse) => void }) {
  const { t, locale } = useI18n();
  const [format, setFormat] = useState<CalendarScheduleRequest['format']>('list');
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<{ request: CalendarScheduleRequest; result: CalendarSchedulePreview }>();
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);

  const current: CalendarScheduleRequest = { format, schedule: text };
  const stale = !!preview && (preview.request.format !== format || preview.request.schedule !== text);

  function failed(caught: unknown): void {
    if (!(caught instanceof RequestError)) throw caught;
    if (caught.status === 401) return;
    const field = caught.fields?.schedule ?? caught.fields?.format;
    if (field) {
      setProblem(field);
      setTimeout(() => textRef.current?.focus());
    } else setError(caught.message);
  }

  async function run(action: 'preview' | 'save'): Promise<void> {
    setProblem(undefined);
    setError(undefined);
    setStatus('');
    if (!text.trim()) {
      setProblem(t('rule.required'));
      textRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      if (action === 'preview') {
        setPreview({ request: current, result: await previewCalendarSchedule(current) });
        setTimeout(() => previewRef.current?.focus());
      } else {
        const saved = await importCalendarSchedule(preview!.request);
        setStatus(t('cal.import.saved', { year: preview!.result.year, count: preview!.result.days.length }));
        setPreview(undefined);
        setText('');
        onImported(saved);
      }
    } catch (caught) {
      failed(caught);
    } finally {
      setBusy(false);
    }
  }

  async function readFile(file: File | undefined): Promise<void> {
    if (!file) return;
    if (file.size > maxFileBytes) {
      setProblem(t('cal.import.fileTooLarge', { kb: Math.round(maxFileBytes / 1000) }));
      return;
    }
    setText(await file.text());
    setProblem(undefined);
  }

  const result = preview?.result;
  const holidays = result?.days.filter((d) => d.kind === 'holiday').length ?? 0;
  return (
    <section class="card schedule-import" aria-labelledby="import-heading" data-testid="schedule-import">
      <h2 id="import-heading">{t('cal.import.heading')}</h2>
      <p class="hint">{t('cal.import.intro')}</p>
      <form
        noValidate
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          void run('preview');
        }}
      >
        <RadioChoices
          idPrefix="cal-import"
          name="cal-import-format"
          legend={t('cal.import.format')}
          options={['list', 'ics'] as const}
          value={format}
          label={(value) => t(`cal.import.format.${value}`)}
          onChange={setFormat}
        />
        {format === 'ics' && (
          <Field id="cal-import-file" label={t('cal.import.file')} optional hint={t('cal.import.fileHint')}>
            {(control) => <input {...control} type="file" accept=".ics,text/calendar" onChange={(e) => void readFile(e.currentTarget.files?.[0])} />}
          </Field>
        )}
        <Field id="cal-import-text" label={t(format === 'ics' ? 'cal.import.icsText' : 'cal.import.listText')} hint={t(format === 'ics' ? 'cal.import.icsHint' : 'cal.import.listHint')} error={problem}>
          {(control) => (
            <textarea
              {...control}
              ref={textRef}
              rows={10}
              class="mono"
              spellcheck={false}
              value={text}
              placeholder={format === 'list' ? '2027-01-01 休 元旦\n2027-02-06 班\n2027-02-10 ~ 2027-02-16 休 春节' : 'BEGIN:VCALENDAR'}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          )}
        </Field>
        <ErrorAlert message={error} />
        <div class="actions">
          <button type="submit" class="button" disabled={busy}>
            {busy && !preview ? t('act.sending') : t('cal.import.preview')}
          </button>
        </div>
      </form>

      {result && (
        <div class="schedule-preview" data-testid="schedule-preview">
          <h3 tabIndex={-1} ref={previewRef}>
            {t('cal.import.previewHeading', { year: result.year })}
          </h3>
          <p>{t('cal.import.previewSummary', { holidays, workdays: result.days.length - holidays })}</p>
          <DataTable
            label={t('cal.import.previewHeading', { year: result.year })}
            captioned
            class="calendar"
            columns={[t('cal.date'), t('cal.import.weekday'), t('cal.kind'), t('cal.name')]}
          >
            {result.days.map((day) => (
              <tr key={day.date} data-testid="schedule-preview-row">
                <td class="mono">{day.date}</td>
                <td>{weekday(day.date, locale)}</td>
                <td>{t(`cal.kind.${day.kind}`)}</td>
                <td>{day.name ?? ''}</td>
              </tr>
            ))}
          </DataTable>
          {result.replaced.length > 0 && <p class="alert alert-warning">{t('cal.import.replaces', { count: result.replaced.length, dates: result.replaced.map((d) => d.date).join(', ') })}</p>}
          {result.ignored.length > 0 && <p class="hint">{t('cal.import.ignored', { items: result.ignored.slice(0, 20).join('、') })}</p>}
          {stale && <p class="hint">{t('cal.import.stale')}</p>}
          <button type="button" class="button button-primary" disabled={busy || stale} onClick={() => void run('save')}>
            {busy ? t('act.sending') : t('cal.import.save', { year: result.year })}
          </button>
        </div>
      )}
      <p role="status" class={status ? 'alert alert-info' : 'hint'}>
        {status}
      </p>
    </section>
  );
}

/**
 * The supervisor's board (督办): every formal escalation record — overdue items and twice-dissatisfied ones —
 * with the department, deadline, when and why it was escalated, and the instructions given so far. Supervisors
 * (and admins) add an instruction to a record here; dispatchers see the board to chase departments.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Escalation } from '../../../shared/http/api-types';
import { RequestError } from '../api';
import { getEscalations, staffAction } from '../staff-api';
import { Field } from '../components/field';
import { StaffBar } from '../components/staff-bar';
import { StatusBadge } from '../components/status-badge';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { href } from '../router';
import { departmentName, useStaffBasics } from '../staff-data';

function InstructionForm({ escalation, onAdded }: { escalation: Escalation; onAdded: () => Promise<void> }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<string>();
  const [conflict, setConflict] = useState<string>();
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState('');
  const id = `esc-${escalation.id}-text`;

  async function submit(): Promise<void> {
    setDone('');
    setError(undefined);
    setConflict(undefined);
    if (!text.trim()) {
      setProblem(t('rule.required'));
      document.getElementById(id)?.focus();
      return;
    }
    setProblem(undefined);
    setSending(true);
    try {
      await staffAction(escalation.suggestionId, 'escalation-instruction', { text: text.trim() });
      setText('');
      setDone(t('esc.added'));
      await onAdded();
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      if (caught.status === 401) return;
      if (caught.status === 409) setConflict(caught.message);
      else if (caught.fields?.text) {
        setProblem(caught.fields.text);
        document.getElementById(id)?.focus();
      } else setError(caught.message);
    } finally {
      setSending(false);
    }
  }

  return (
    <form
      noValidate
      class="form instruction-form"
      data-testid="instruction-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field id={id} label={t('esc.addInstruction')} error={problem}>
        {(control) => <textarea {...control} rows={3} class="short" value={text} onInput={(e) => setText(e.currentTarget.value)} />}
      </Field>
      {conflict && (
        <div class="alert alert-warning" role="alert">
          <p>{conflict}</p>
          <button type="button" class="button button-small" onClick={() => void onAdded().then(() => setConflict(undefined))}>
            {t('act.reload')}
          </button>
        </div>
      )}
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <p role="status" class={done ? 'hint' : 'visually-hidden'}>
        {done}
      </p>
      <button type="submit" class="button button-small button-primary" disabled={sending}>
        {sending ? t('act.sending') : t('esc.submit')}
      </button>
    </form>
  );
}

export function EscalationsPage() {
  const { t, locale } = useI18n();
  const { me, departments, error: basicsError } = useStaffBasics();
  const [escalations, setEscalations] = useState<Escalation[]>();
  const [error, setError] = useState<string>();
  const live = useRef(true);

  async function load(): Promise<void> {
    try {
      const response = await getEscalations();
      if (!live.current) return;
      // Oldest deadline first: the most overdue at the top.
      setEscalations([...response.escalations].sort((a, b) => a.dueAt.localeCompare(b.dueAt)));
      setError(undefined);
    } catch (caught) {
      if (live.current && caught instanceof RequestError && caught.status !== 401) setError(caught.message);
    }
  }

  useEffect(() => {
    live.current = true;
    void load();
    return () => {
      live.current = false;
    };
  }, []);

  const mayInstruct = me?.role === 'supervisor' || me?.role === 'admin';

  return (
    <section aria-labelledby="page-heading">
      <StaffBar me={me} />
      <h1 id="page-heading" tabIndex={-1}>
        {t('esc.heading')}
      </h1>
      <p class="lead">{t('esc.intro')}</p>
      {(error ?? basicsError) && (
        <p class="alert alert-error" role="alert">
          {error ?? basicsError}
        </p>
      )}
      <p class="hint" role="status">
        {escalations ? t('esc.count', { count: escalations.length }) : error ? '' : t('common.loading')}
      </p>
      {escalations?.length === 0 && <p class="empty">{t('esc.empty')}</p>}
      <ol class="escalations">
        {escalations?.map((escalation) => (
          <li key={escalation.id} class="card escalation" data-testid="escalation">
            <h2 class="small-heading">
              <a href={href(`/staff/s/${encodeURIComponent(escalation.suggestionId)}`)}>{escalation.title}</a>
            </h2>
            <dl class="facts">
              <div>
                <dt>{t('queue.col.status')}</dt>
                <dd>
                  <StatusBadge status={escalation.status} />
                  <span class="tag tag-overdue">{t(`esc.reason.${escalation.reason}`)}</span>
                </dd>
              </div>
              <div>
                <dt>{t('queue.col.department')}</dt>
                <dd>{departmentName(departments, escalation.departmentId, locale) ?? t('queue.unassigned')}</dd>
              </div>
              <div>
                <dt>{t('queue.col.due')}</dt>
                <dd>{formatDateTime(escalation.dueAt, locale)}</dd>
              </div>
              <div>
                <dt>{t('esc.escalatedAt')}</dt>
                <dd>{formatDateTime(escalation.escalatedAt, locale)}</dd>
              </div>
              <div>
                <dt>{t('queue.col.code')}</dt>
                <dd class="mono">{escalation.trackingCode}</dd>
              </div>
            </dl>
            <h3 class="small-heading">{t('esc.instructions')}</h3>
            {escalation.instructions.length === 0 ? (
              <p class="hint">{t('esc.noInstructions')}</p>
            ) : (
              <ol class="instructions">
                {escalation.instructions.map((instruction, index) => (
                  <li key={`${instruction.at}-${index}`}>
                    <p class="prewrap">{instruction.text}</p>
                    <p class="hint">
                      {instruction.by} · <time dateTime={instruction.at}>{formatDateTime(instruction.at, locale)}</time>
                    </p>
                  </li>
                ))}
              </ol>
            )}
            {mayInstruct && <InstructionForm escalation={escalation} onAdded={load} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

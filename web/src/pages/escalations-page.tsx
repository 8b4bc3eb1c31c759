/**
 * The supervisor's board (督办): every formal escalation record — overdue items and twice-dissatisfied ones —
 * with the department, deadline, when and why it was escalated, and the instructions given so far. Supervisors
 * (and admins) add an instruction to a record here; dispatchers see the board to chase departments.
 */
import { useState } from 'preact/hooks';
import type { Escalation } from '../../../shared/http/api-types';
import { RequestError } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { Field } from '../components/field';
import { StaffPage } from '../components/staff-page';
import { StatusBadge } from '../components/status-badge';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { href } from '../router';
import { getEscalations, staffAction } from '../staff-api';
import { departmentName, useStaffBasics } from '../staff-data';
import { useLoad } from '../use-load';

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
      await staffAction(escalation.suggestionId, 'instruct', { text: text.trim() });
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
      <ErrorAlert message={error} />
      <p role="status" class={done ? 'hint' : 'visually-hidden'}>
        {done}
      </p>
      <button type="submit" class="button button-small button-primary" disabled={sending}>
        {sending ? t('act.sending') : t('esc.submit')}
      </button>
    </form>
  );
}

/** Oldest deadline first: the most overdue at the top. */
async function loadEscalations(): Promise<Escalation[]> {
  const response = await getEscalations();
  return [...response.escalations].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

export function EscalationsPage() {
  const { t, locale } = useI18n();
  const { me, departments, error: basicsError } = useStaffBasics();
  const board = useLoad(loadEscalations);
  const escalations = board.data;
  const error = board.error;

  const mayInstruct = me?.role === 'supervisor' || me?.role === 'admin';

  return (
    <StaffPage me={me} heading={t('esc.heading')}>
      <p class="lead">{t('esc.intro')}</p>
      <ErrorAlert message={error ?? basicsError} />
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
            {mayInstruct && <InstructionForm escalation={escalation} onAdded={board.reload} />}
          </li>
        ))}
      </ol>
    </StaffPage>
  );
}

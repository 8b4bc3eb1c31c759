/**
 * Admin: suggestions whose workflow is parked after an error that retries could not clear — after an outage, once
 * its cause is fixed, one button resumes them all (each as by its own resume action, audited). Transient failures
 * never land here: the workflow retries them by itself.
 */
import { useState } from 'preact/hooks';
import { failureMessage } from '../api';
import { DataTable } from '../components/data-table';
import { ErrorAlert } from '../components/error-alert';
import { StaffPage } from '../components/staff-page';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { href } from '../router';
import { getParkedWorkflows, resumeAllParkedWorkflows } from '../staff-api';
import { useStaffBasics } from '../staff-data';
import { useLoad } from '../use-load';

export function WorkflowsPage() {
  const { t, locale } = useI18n();
  const { me } = useStaffBasics();
  const parked = useLoad(getParkedWorkflows);
  const items = parked.data?.items;
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const [resuming, setResuming] = useState(false);
  const shownError = error ?? parked.error;

  async function resumeAll(): Promise<void> {
    setResuming(true);
    setError(undefined);
    setStatus('');
    try {
      const result = await resumeAllParkedWorkflows();
      setStatus(result.failed.length ? t('wf.resumedSome', { resumed: result.resumed, failed: result.failed.length }) : t('wf.resumedAll', { resumed: result.resumed }));
      await parked.reload();
    } catch (caught) {
      setError(failureMessage(caught));
    } finally {
      setResuming(false);
    }
  }

  return (
    <StaffPage me={me} heading={t('wf.heading')}>
      <p class="lead">{t('wf.intro')}</p>
      <ErrorAlert message={shownError} />
      <p role="status" class={status ? 'alert alert-info' : 'hint'}>
        {status || (items ? t('wf.count', { count: items.length }) : shownError ? '' : t('common.loading'))}
      </p>
      {items && items.length > 0 && (
        <>
          <button type="button" class="button button-primary" disabled={resuming} aria-busy={resuming} onClick={() => void resumeAll()} data-testid="resume-all">
            {resuming ? t('wf.resuming') : t('wf.resumeAll', { count: items.length })}
          </button>
          <DataTable label={t('wf.heading')} columns={[t('wf.failedAt'), t('notif.suggestion'), t('wf.status'), t('wf.error')]}>
            {items.map((item) => (
              <tr key={item.id} data-testid="parked-workflow">
                <td class="nowrap">{formatDateTime(item.workflowError.at, locale)}</td>
                <td>
                  <a href={href(`/staff/s/${item.id}`)}>{item.title}</a> <span class="mono">{item.trackingCode}</span>
                </td>
                <td class="nowrap">{t(`status.${item.status}`)}</td>
                <td class="mono">{item.workflowError.error}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
      {items?.length === 0 && <p class="empty">{t('wf.empty')}</p>}
    </StaffPage>
  );
}

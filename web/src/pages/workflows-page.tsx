/**
 * Admin: suggestions whose workflow is parked after an error that retries could not clear — after an outage, once
 * its cause is fixed, one button resumes them all (each as by its own resume action, audited). Transient failures
 * never land here: the workflow retries them by itself.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ParkedWorkflowsResponse } from '../../../shared/http/api-types';
import { RequestError } from '../api';
import { getParkedWorkflows, resumeAllParkedWorkflows } from '../staff-api';
import { StaffBar } from '../components/staff-bar';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { href } from '../router';
import { useStaffBasics } from '../staff-data';

export function WorkflowsPage() {
  const { t, locale } = useI18n();
  const { me } = useStaffBasics();
  const [items, setItems] = useState<ParkedWorkflowsResponse['items']>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const [resuming, setResuming] = useState(false);
  const live = useRef(true);

  async function load(): Promise<void> {
    try {
      const response = await getParkedWorkflows();
      if (live.current) setItems(response.items);
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

  async function resumeAll(): Promise<void> {
    setResuming(true);
    setError(undefined);
    setStatus('');
    try {
      const result = await resumeAllParkedWorkflows();
      setStatus(result.failed.length ? t('wf.resumedSome', { resumed: result.resumed, failed: result.failed.length }) : t('wf.resumedAll', { resumed: result.resumed }));
      await load();
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      if (caught.status !== 401) setError(caught.message);
    } finally {
      setResuming(false);
    }
  }

  return (
    <section aria-labelledby="page-heading">
      <StaffBar me={me} />
      <h1 id="page-heading" tabIndex={-1}>
        {t('wf.heading')}
      </h1>
      <p class="lead">{t('wf.intro')}</p>
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <p role="status" class={status ? 'alert alert-info' : 'hint'}>
        {status || (items ? t('wf.count', { count: items.length }) : error ? '' : t('common.loading'))}
      </p>
      {items && items.length > 0 && (
        <>
          <button type="button" class="button button-primary" disabled={resuming} aria-busy={resuming} onClick={() => void resumeAll()} data-testid="resume-all">
            {resuming ? t('wf.resuming') : t('wf.resumeAll', { count: items.length })}
          </button>
          <div class="table-scroll" role="region" aria-label={t('wf.heading')} tabIndex={0}>
            <table class="queue">
              <thead>
                <tr>
                  <th scope="col">{t('wf.failedAt')}</th>
                  <th scope="col">{t('notif.suggestion')}</th>
                  <th scope="col">{t('wf.status')}</th>
                  <th scope="col">{t('wf.error')}</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
        </>
      )}
      {items?.length === 0 && <p class="empty">{t('wf.empty')}</p>}
    </section>
  );
}

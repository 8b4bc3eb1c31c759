/**
 * One suggestion as staff see it: every field, the contact details masked (revealed on request by roles that
 * may, each reveal audited by the server), and the full timeline with internal entries marked.
 */
import { useState } from 'preact/hooks';
import { describeField } from '../../../shared/domain/i18n/messages';
import type { MaskedContact, StaffSuggestionDetail, StaffTimelineEntry } from '../../../shared/http/api-types';
import { failureMessage } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { StaffBar } from '../components/staff-bar';
import { StatusBadge } from '../components/status-badge';
import { categoryName, formatDateTime } from '../format';
import { tDynamic, useI18n } from '../i18n';
import { getStaffSuggestion, revealContact } from '../staff-api';
import { departmentName, lastQueueHref, useStaffBasics } from '../staff-data';
import { useLoad } from '../use-load';
import { AdoptedBadge, AdoptionSection } from './adoption-section';
import { ActionsPanel } from './staff-actions';

/** What happened in handling so far: the citizen's Q&A, a pending extension, the rating, reopens. */
function HandlingSection({ detail }: { detail: StaffSuggestionDetail }) {
  const { t, locale } = useI18n();
  const { infoRequest, pendingExtension, rating, reopenCount } = detail;
  if (!infoRequest && !pendingExtension && !rating && !reopenCount) return null;
  return (
    <section class="card" aria-labelledby="handling-heading" data-testid="handling">
      <h2 id="handling-heading">{t('detail.handling')}</h2>
      {infoRequest && (
        <div class="qa" data-testid="requestInfo">
          <h3>{t('detail.infoRequest')}</h3>
          <p class="qa-q">
            <span class="qa-label">{t('detail.question')}</span>
            <span class="prewrap">{infoRequest.question}</span>
            <span class="hint"> · {formatDateTime(infoRequest.askedAt, locale)}</span>
          </p>
          {infoRequest.answer ? (
            <p class="qa-a">
              <span class="qa-label">{t('detail.answer')}</span>
              <span class="prewrap">{infoRequest.answer}</span>
              {infoRequest.answeredAt && <span class="hint"> · {formatDateTime(infoRequest.answeredAt, locale)}</span>}
            </p>
          ) : (
            <p class="hint">{t('detail.awaitingAnswer')}</p>
          )}
        </div>
      )}
      <dl class="facts">
        {pendingExtension && (
          <div>
            <dt>{t('detail.pendingExtension')}</dt>
            <dd>
              {t('act.ext.daysValue', { days: pendingExtension.workingDays })} · {pendingExtension.requestedBy} ·{' '}
              {formatDateTime(pendingExtension.requestedAt, locale)}
              <span class="prewrap block">{pendingExtension.reason}</span>
            </dd>
          </div>
        )}
        {rating && (
          <div data-testid="rating">
            <dt>{t('detail.rating')}</dt>
            <dd>
              <span class={`tag tag-rating-${rating.rating}`}>{t(`rating.${rating.rating}`)}</span>{' '}
              {rating.resolution && <span class="tag">{t(`resolution.${rating.resolution}`)}</span>}{' '}
              <span class="hint">{formatDateTime(rating.at, locale)}</span>
              {rating.comment && <span class="prewrap block">{rating.comment}</span>}
            </dd>
          </div>
        )}
        {reopenCount ? (
          <div>
            <dt>{t('detail.reopenCount')}</dt>
            <dd>{reopenCount}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

function Actor({ actor, department }: { actor: StaffTimelineEntry['actor']; department: (id?: string) => string | undefined }) {
  const { t } = useI18n();
  if (actor.type === 'citizen') return <>{t('detail.actor.citizen')}</>;
  if (actor.type === 'system') return <>{t('detail.actor.system')}</>;
  const role = actor.role ? tDynamic(`role.${actor.role}`, actor.role) : undefined;
  return (
    <>
      {actor.name ?? actor.id}
      {role && ` (${actor.departmentId ? `${department(actor.departmentId)} · ` : ''}${role})`}
    </>
  );
}

/** 协办意见: what the co-handling departments said, gathered for the lead department to read before replying. */
function CohandlerOpinions({ detail, department }: { detail: StaffSuggestionDetail; department: (id?: string) => string | undefined }) {
  const { t, locale } = useI18n();
  if (!detail.cohandlerDepartmentIds?.length) return null;
  const opinions = detail.timeline.filter((entry) => entry.action === 'cohandlerOpinion');
  const waiting = detail.cohandlerDepartmentIds.filter((id) => !opinions.some((entry) => entry.actor.departmentId === id));
  return (
    <section class="card" aria-labelledby="opinions-heading" data-testid="cohandler-opinions">
      <h2 id="opinions-heading">{t('detail.opinions')}</h2>
      {opinions.length === 0 && <p class="hint">{t('detail.opinions.none')}</p>}
      <ul class="plain-list">
        {opinions.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <strong>{department(entry.actor.departmentId)}</strong>
            <span class="hint">
              {' '}
              · {entry.actor.name ?? entry.actor.id} · <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
            </span>
            <p class="prewrap">{entry.note}</p>
          </li>
        ))}
      </ul>
      {waiting.length > 0 && opinions.length > 0 && (
        <p class="hint">{t('detail.opinions.waiting', { departments: waiting.map((id) => department(id)).join(locale === 'en' ? ', ' : '、') })}</p>
      )}
    </section>
  );
}

function ContactSection({ id, initial, canReveal }: { id: string; initial?: MaskedContact; canReveal: boolean }) {
  const { t, locale } = useI18n();
  const [contact, setContact] = useState(initial);
  const [revealed, setRevealed] = useState(false);
  const [revealing, setRevealing] = useState(false);
  const [error, setError] = useState<string>();

  async function reveal(): Promise<void> {
    setRevealing(true);
    setError(undefined);
    try {
      const response = await revealContact(id);
      setContact(response.contact);
      setRevealed(true);
    } catch (caught) {
      setError(failureMessage(caught));
    } finally {
      setRevealing(false);
    }
  }

  return (
    <section class="card" aria-labelledby="contact-heading">
      <h2 id="contact-heading">
        {describeField(locale, 'contact')}
        {!revealed && contact && <span class="hint"> {t('detail.masked')}</span>}
      </h2>
      {!contact ? (
        <p>{t('detail.noContact')}</p>
      ) : (
        <dl class="facts" data-testid="contact">
          {contact.name && (
            <div>
              <dt>{describeField(locale, 'contact.name')}</dt>
              <dd>{contact.name}</dd>
            </div>
          )}
          {contact.phone && (
            <div>
              <dt>{describeField(locale, 'contact.phone')}</dt>
              <dd class="mono" data-testid="contact-phone">
                {contact.phone}
              </dd>
            </div>
          )}
          {contact.email && (
            <div>
              <dt>{describeField(locale, 'contact.email')}</dt>
              <dd class="mono">{contact.email}</dd>
            </div>
          )}
          <div>
            <dt>{describeField(locale, 'contact.consent')}</dt>
            <dd>{contact.consent ? t('common.yes') : t('common.no')}</dd>
          </div>
        </dl>
      )}
      <ErrorAlert message={error} />
      <p role="status" class={revealed ? 'alert alert-info' : 'visually-hidden'}>
        {revealed ? t('detail.revealed') : ''}
      </p>
      {contact && canReveal && !revealed && (
        <>
          <button type="button" class="button" disabled={revealing} aria-describedby="reveal-note" onClick={() => void reveal()}>
            {revealing ? t('detail.revealing') : t('detail.reveal')}
          </button>
          <p class="hint" id="reveal-note">
            {t('detail.revealNote')}
          </p>
        </>
      )}
    </section>
  );
}

export function StaffDetailPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { me, departments } = useStaffBasics();
  const loaded = useLoad(() => getStaffSuggestion(id), [id]);
  const { data: detail, error } = loaded;

  const department = (departmentId?: string) => departmentName(departments, departmentId, locale);

  return (
    <section aria-labelledby="page-heading">
      <StaffBar me={me} />
      <p>
        <a href={lastQueueHref()}>← {t('detail.back')}</a>
      </p>
      <h1 id="page-heading" tabIndex={-1}>
        {detail?.title ?? (error ? t('error.staffSuggestionNotFound') : t('common.loading'))}
      </h1>
      <ErrorAlert message={error} />
      {detail && (
        <>
          <section class="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading" class="visually-hidden">
              {t('detail.facts')}
            </h2>
            <dl class="facts">
              <div>
                <dt>{t('queue.col.status')}</dt>
                <dd>
                  <StatusBadge status={detail.status} />
                  {detail.overdue && <span class="tag tag-overdue">{t('queue.overdue')}</span>}
                  {detail.adopted && <AdoptedBadge />}
                </dd>
              </div>
              <div>
                <dt>{t('queue.col.due')}</dt>
                <dd>{formatDateTime(detail.dueAt, locale)}</dd>
              </div>
              <div>
                <dt>{describeField(locale, 'trackingCode')}</dt>
                <dd class="mono">{detail.trackingCode}</dd>
              </div>
              <div>
                <dt>{describeField(locale, 'category')}</dt>
                <dd>{categoryName(detail.category, locale)}</dd>
              </div>
              <div>
                <dt>{describeField(locale, 'channel')}</dt>
                <dd>{t(`channel.${detail.channel}`)}</dd>
              </div>
              <div>
                <dt>{t('queue.col.submitted')}</dt>
                <dd>{formatDateTime(detail.submittedAt, locale)}</dd>
              </div>
              {detail.tier && (
                <div>
                  <dt>{t('detail.tier')}</dt>
                  <dd>{t(`tier.${detail.tier}`)}</dd>
                </div>
              )}
              <div>
                <dt>{t('detail.lead')}</dt>
                <dd>{department(detail.leadDepartmentId) ?? t('queue.unassigned')}</dd>
              </div>
              {detail.cohandlerDepartmentIds?.length ? (
                <div>
                  <dt>{t('detail.cohandlers')}</dt>
                  <dd>{detail.cohandlerDepartmentIds.map((d) => department(d)).join(locale === 'en' ? ', ' : '、')}</dd>
                </div>
              ) : null}
              {detail.campaignId && (
                <div>
                  <dt>{describeField(locale, 'campaignId')}</dt>
                  <dd>
                    {detail.campaign ? <a href={`#/staff/campaigns/${encodeURIComponent(detail.campaign.id)}`}>{detail.campaign.title}</a> : detail.campaignId}
                  </dd>
                </div>
              )}
              {detail.campaign?.station && (
                <div>
                  <dt>{describeField(locale, 'stationId')}</dt>
                  <dd>{detail.campaign.station.name}</dd>
                </div>
              )}
              {detail.location?.address && (
                <div>
                  <dt>{describeField(locale, 'location.address')}</dt>
                  <dd>{detail.location.address}</dd>
                </div>
              )}
            </dl>
            <h3>{describeField(locale, 'content')}</h3>
            <p class="prewrap content">{detail.content}</p>
          </section>

          <HandlingSection detail={detail} />

          <CohandlerOpinions detail={detail} department={department} />

          {detail.availableActions !== undefined && (
            <ActionsPanel detail={detail} departments={departments} onUpdated={loaded.setData} onReload={loaded.reload} />
          )}

          <ContactSection id={detail.id} initial={detail.contact} canReveal={Boolean(me?.canRevealContact)} />

          {detail.reply && (
            <section class="card reply" aria-labelledby="reply-heading">
              <h2 id="reply-heading">{t('detail.reply')}</h2>
              <p class="prewrap">{detail.reply.text}</p>
              <p class="hint">
                {department(detail.reply.departmentId)} · {formatDateTime(detail.reply.at, locale)}
              </p>
            </section>
          )}

          <AdoptionSection detail={detail} department={department} />

          <section class="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t('detail.timeline')}</h2>
            <ol class="timeline">
              {detail.timeline.map((entry, index) => (
                <li key={`${entry.at}-${index}`} class={entry.visibility === 'internal' ? 'internal' : undefined}>
                  <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
                  <span class="timeline-action">{tDynamic(`action.${entry.action}`, entry.action)}</span>
                  {entry.visibility === 'internal' && <span class="tag tag-internal">{t('detail.internal')}</span>}
                  <StatusBadge status={entry.toStatus} />
                  <span class="hint">
                    {' '}
                    · <Actor actor={entry.actor} department={department} />
                  </span>
                  {entry.note && <p class="prewrap">{entry.note}</p>}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </section>
  );
}

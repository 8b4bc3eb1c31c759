/**
 * 金点子 · 案例库 (`#/cases?campaign=&category=`): the ideas the office adopted and featured, newest first, for
 * anyone on a phone — what each became, who adopted it and when, and who suggested it (by name only when they
 * agreed; otherwise "a resident"). Filters by campaign and category live in the URL, so a filtered list can be
 * shared; more come a page at a time.
 */
import { useState } from 'preact/hooks';
import { categories, type Category } from '../../../../shared/domain/intake/categories';
import type { CaseLibraryEntry, CaseLibraryPage } from '../../../../shared/http/api-types';
import { getCaseLibrary, getPublicCampaigns } from '../../campaign-media-api';
import { ErrorAlert } from '../../components/error-alert';
import { categoryName, formatDate } from '../../format';
import { useI18n } from '../../i18n';
import { href, navigate, type Route } from '../../router';
import { useLoad } from '../../use-load';
import './campaign-media.css';

function CaseCard({ entry }: { entry: CaseLibraryEntry }) {
  const { t, locale } = useI18n();
  const campaignTitle = entry.campaign && ((locale === 'en' && entry.campaign.titleEn) || entry.campaign.title);
  const department = (locale === 'en' && entry.department.nameEn) || entry.department.name;
  return (
    <li class="card case-card" data-testid="case">
      <p class="case-meta">
        <span class="tag">{categoryName(entry.category, locale)}</span>
        {campaignTitle && entry.campaign && (
          <a href={href(`/c/${entry.campaign.id}`)} class="case-campaign">
            {t('cases.inCampaign', { title: campaignTitle })}
          </a>
        )}
      </p>
      <h2 class="case-title">{entry.title}</h2>
      <h3 class="small-heading">{t('cases.outcome')}</h3>
      <p class="case-outcome">{entry.outcome}</p>
      {entry.updates.length > 0 && (
        <>
          <h3 class="small-heading">{t('cases.updates')}</h3>
          <ol class="case-updates">
            {entry.updates.map((u) => (
              <li key={`${u.date}${u.text}`}>
                <time dateTime={u.date}>{formatDate(`${u.date}T12:00:00+08:00`, locale)}</time> {u.text}
                {u.evidenceUrl && (
                  <>
                    {' '}
                    <a href={u.evidenceUrl} rel="noopener noreferrer" target="_blank">
                      {t('cases.evidence')}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      <p class="case-adopted">{t('cases.adoptedBy', { department, date: formatDate(`${entry.adoptedOn}T12:00:00+08:00`, locale) })}</p>
      <p class="case-credit" data-testid="case-credit">
        {entry.creditedTo ? t('cases.creditedTo', { name: entry.creditedTo }) : t('cases.resident')}
      </p>
      {entry.evidenceUrl && (
        <p>
          <a href={entry.evidenceUrl} rel="noopener noreferrer" target="_blank">
            {t('cases.evidence')}
          </a>
        </p>
      )}
    </li>
  );
}

export function CasesPage({ route }: { route: Route }) {
  const { t, locale } = useI18n();
  const campaign = route.query.get('campaign') ?? '';
  const category = route.query.get('category') ?? '';
  const [draft, setDraft] = useState({ campaign, category });
  const list = useLoad<CaseLibraryPage>(() => getCaseLibrary({ campaign, category }), [campaign, category], {
    onLoaded: () => setDraft({ campaign, category }),
  });
  // The campaign filter needs the public campaigns; without them (or before), the filter is simply not offered.
  const campaigns = useLoad(() => getPublicCampaigns().catch(() => []), []);
  const items = list.data?.items ?? [];

  /** The next page after the current one, appended (a failure shows in the list's alert). */
  function more(): void {
    void list.extend(async (current) => {
      const next = await getCaseLibrary({ campaign, category, cursor: current.nextCursor });
      return { items: [...current.items, ...next.items], ...(next.nextCursor ? { nextCursor: next.nextCursor } : {}) };
    });
  }

  return (
    <section class="cases-page" aria-labelledby="cases-heading">
      <h1 id="cases-heading" tabIndex={-1}>
        {t('cases.heading')}
      </h1>
      <p class="lead">{t('cases.intro')}</p>
      <form
        class="cases-filters"
        aria-label={t('cases.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          navigate('/cases', { campaign: draft.campaign || undefined, category: draft.category || undefined });
        }}
      >
        {(campaigns.data?.length ?? 0) > 0 && (
          <div class="field">
            <label for="cases-campaign">{t('cases.campaign')}</label>
            <select id="cases-campaign" value={draft.campaign} onChange={(e) => setDraft({ ...draft, campaign: e.currentTarget.value })}>
              <option value="">{t('cases.anyCampaign')}</option>
              {campaigns.data!.map((c) => (
                <option key={c.id} value={c.id}>
                  {(locale === 'en' && c.titleEn) || c.title}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for="cases-category">{t('cases.category')}</label>
          <select id="cases-category" value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.currentTarget.value })}>
            <option value="">{t('cases.anyCategory')}</option>
            {categories.map((c: Category) => (
              <option key={c} value={c}>
                {categoryName(c, locale)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          {t('cases.show')}
        </button>
      </form>
      <ErrorAlert message={list.error} />
      {list.loading && !list.data && <p>{t('common.loading')}</p>}
      {list.data && items.length === 0 && <p class="empty">{t('cases.none')}</p>}
      {items.length > 0 && (
        <ol class="case-list" data-testid="case-list">
          {items.map((entry) => (
            <CaseCard key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
      {list.data?.nextCursor && (
        <p>
          <button type="button" class="button" disabled={list.loading} onClick={more}>
            {t('cases.more')}
          </button>
        </p>
      )}
      <p class="cases-cta">
        {t('cases.submitCta')} <a href={href('/')}>{t('cases.submitLink')}</a>
      </p>
    </section>
  );
}

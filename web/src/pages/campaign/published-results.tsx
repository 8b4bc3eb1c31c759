/**
 * A campaign's published results on its public page: the organizer's summary, how many took part, and each
 * choice, rating and matrix question's counts with their shares. Text answers are never shown to the public.
 */
import type { PublicCampaign, Questionnaire } from '../../../../shared/http/api-types';
import { QuestionFiguresView } from '../../components/question-figures';
import { formatDateTime, formatNumber } from '../../format';
import { useI18n } from '../../i18n';

export function PublishedResults({ results, questionnaire }: { results: NonNullable<PublicCampaign['results']>; questionnaire?: Questionnaire }) {
  const { t, locale } = useI18n();
  const { figures } = results;
  const summary = (locale === 'en' && results.summaryEn) || results.summary;
  const counted = (questionnaire?.questions ?? []).filter((q) => q.type !== 'shortText' && q.type !== 'longText');
  return (
    <section class="published-results" aria-labelledby="results-heading" data-testid="published-results">
      <h2 id="results-heading">{t('cp.results.heading')}</h2>
      <p class="hint">{t('cp.results.publishedAt', { at: formatDateTime(results.publishedAt, locale) })}</p>
      <p class="prewrap" lang={locale === 'en' && results.summaryEn ? 'en' : 'zh-CN'}>
        {summary}
      </p>
      <ul class="cp-totals">
        <li>
          <strong>{formatNumber(figures.participants, locale)}</strong> {t('cp.results.participants')}
        </li>
        <li>
          <strong>{formatNumber(figures.suggestions, locale)}</strong> {t('cp.results.suggestions')}
        </li>
        <li>
          <strong>{formatNumber(figures.responses, locale)}</strong> {t('cp.results.responses')}
        </li>
      </ul>
      {counted.length > 0 && (
        <>
          <h3>{t('cp.results.questions')}</h3>
          {counted.map((question) => (
            <QuestionFiguresView key={question.id} question={question} index={questionnaire!.questions.indexOf(question)} figures={figures.questions[question.id]} />
          ))}
        </>
      )}
    </section>
  );
}

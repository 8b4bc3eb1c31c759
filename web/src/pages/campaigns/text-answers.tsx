/**
 * The text answers browser of the results page: the answers to one text question (or all of them), matching a
 * search, newest first, a page at a time (GET …/responses?question=&q=&cursor=).
 */
import { useState } from 'preact/hooks';
import type { Question } from '../../../../shared/http/api-types';
import { localText } from '../../../../shared/domain/questionnaire/questionnaire';
import type { TextAnswersResponse } from '../../campaign-types';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { getTextAnswers } from '../../staff-api';
import { useLoad } from '../../use-load';

export function TextAnswers({ campaignId, questions, stations, question, onQuestion }: { campaignId: string; questions: Question[]; stations: { id: string; name: string }[]; question: string; onQuestion: (id: string) => void }) {
  const { t, locale } = useI18n();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const page = useLoad<TextAnswersResponse>(() => getTextAnswers(campaignId, { question: question || undefined, q: q || undefined }), [campaignId, question, q]);
  const answers = page.data?.items ?? [];
  const labelOf = (id: string) => {
    const found = questions.find((item) => item.id === id);
    return found ? localText(found.label, locale) : id;
  };
  return (
    <section aria-labelledby="text-answers-heading" class="text-answers" id="text-answers">
      <h2 id="text-answers-heading">{t('camp.res.textHeading')}</h2>
      <form
        class="filters inline-fields"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setQ(search.trim());
        }}
      >
        <div class="field">
          <label for="ta-question">{t('camp.res.textQuestion')}</label>
          <select id="ta-question" value={question} onChange={(e) => onQuestion(e.currentTarget.value)}>
            <option value="">{t('camp.res.textAll')}</option>
            {questions.map((item) => (
              <option key={item.id} value={item.id}>
                {localText(item.label, locale)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="ta-search">{t('camp.res.textSearch')}</label>
          <input id="ta-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </div>
        <div class="field">
          <button type="submit" class="button">
            {t('camp.res.textSearchButton')}
          </button>
        </div>
      </form>
      <ErrorAlert message={page.error} />
      {page.loading && <p role="status">{t('common.loading')}</p>}
      {page.data && !answers.length && !page.data.nextCursor && <p class="empty">{q ? t('camp.res.textNoneMatch', { q }) : t('camp.res.textNone')}</p>}
      {answers.length > 0 && (
        <ol class="text-answer-list" data-testid="text-answers">
          {answers.map((answer) => (
            <li key={`${answer.responseId}-${answer.questionId}`} class="text-answer">
              <p class="prewrap">{answer.text}</p>
              <p class="hint">
                {!question && `${labelOf(answer.questionId)} · `}
                {formatDateTime(answer.receivedAt, locale)}
                {answer.stationId && ` · ${stations.find((s) => s.id === answer.stationId)?.name ?? answer.stationId}`}
              </p>
            </li>
          ))}
        </ol>
      )}
      {page.data?.nextCursor && (
        <button
          type="button"
          class="button"
          disabled={page.loading}
          onClick={() =>
            void page.extend(async (current) => {
              const next = await getTextAnswers(campaignId, { question: question || undefined, q: q || undefined, cursor: current.nextCursor });
              return { items: [...current.items, ...next.items], scanned: current.scanned + next.scanned, ...(next.nextCursor ? { nextCursor: next.nextCursor } : {}) };
            })
          }
        >
          {t('camp.res.textMore')}
        </button>
      )}
    </section>
  );
}

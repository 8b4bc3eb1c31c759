/**
 * One question's figures: a choice or rating question's counts with their shares (a bar for the eye, the numbers
 * in the table), a rating's or number's mean, a matrix's grid. Text questions have no counts: the organizer reads
 * them in the text answers browser; the public never sees them.
 */
import '../zod-without-eval';
import type { ComponentChildren } from 'preact';
import type { Question, QuestionFigures } from '../../../shared/http/api-types';
import { localText } from '../../../shared/domain/questionnaire/questionnaire';
import { countRows, matrixGrid, meanOf } from '../campaigns/figures-view';
import { formatNumber } from '../format';
import { useI18n } from '../i18n';
// Its strings are the public campaign page's; the organizer's results page shows the same figures.
import '../i18n/citizen-campaign';
import './question-figures.css';

function share(percent: number | undefined): string {
  return percent === undefined ? '—' : `${percent.toFixed(1)}%`;
}

export function QuestionFiguresView({ question, figures, index, textSlot }: { question: Question; figures: QuestionFigures | undefined; index: number; textSlot?: ComponentChildren }) {
  const { t, locale } = useI18n();
  const answered = figures?.answered ?? 0;
  const title = `${index + 1}. ${localText(question.label, locale)}`;
  const mean = question.type === 'rating' || question.type === 'number' ? meanOf(figures) : undefined;
  return (
    <section class="question-figures" aria-labelledby={`qf-${question.id}`} data-testid="question-figures" data-question={question.id}>
      <h3 id={`qf-${question.id}`}>{title}</h3>
      <p class="hint">
        {t('qf.answered', { count: formatNumber(answered, locale) })}
        {mean !== undefined && ` · ${t('qf.mean', { mean: mean.toFixed(1) })}`}
        {question.type === 'multiple' && ` · ${t('qf.multipleNote')}`}
      </p>
      {(question.type === 'single' || question.type === 'multiple' || question.type === 'rating') && (
        <table class="figures-table">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t(question.type === 'rating' ? 'qf.step' : 'qf.option')}</th>
              <th scope="col" class="num">
                {t('qf.count')}
              </th>
              <th scope="col" class="num">
                {t('qf.share')}
              </th>
              <th scope="col">
                <span class="visually-hidden">{t('qf.bar')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {countRows(question, figures).map((row) => (
              <tr key={row.id} data-option={row.id}>
                <th scope="row">
                  {question.type === 'rating' ? row.id : localText(row.label, locale)}
                  {question.type === 'rating' && row.id === String(question.min) && question.minLabel && <span class="hint"> · {localText(question.minLabel, locale)}</span>}
                  {question.type === 'rating' && row.id === String(question.max) && question.maxLabel && <span class="hint"> · {localText(question.maxLabel, locale)}</span>}
                </th>
                <td class="num">{formatNumber(row.count, locale)}</td>
                <td class="num">{share(row.percent)}</td>
                <td class="bar-cell" aria-hidden="true">
                  <span class="share-bar" style={{ width: `${Math.min(100, row.percent ?? 0)}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {question.type === 'matrix' && (
        <div class="table-scroll">
          <table class="figures-table">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span class="visually-hidden">{t('qf.row')}</span>
                </th>
                {question.columns.map((c) => (
                  <th scope="col" class="num" key={c.id}>
                    {localText(c.label, locale)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrixGrid(question, figures).map((row) => (
                <tr key={row.id}>
                  <th scope="row">{localText(row.row, locale)}</th>
                  {row.cells.map((cell) => (
                    <td class="num" key={cell.id}>
                      {formatNumber(cell.count, locale)} <span class="hint">({share(cell.percent)})</span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(question.type === 'shortText' || question.type === 'longText') && textSlot}
    </section>
  );
}

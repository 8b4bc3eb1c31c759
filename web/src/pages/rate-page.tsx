/**
 * The citizen reads the department's reply and rates it (评价): tracking code + PIN, the reply, three large
 * choices and an optional comment. Linked from the reply notification and from the track page. A dissatisfied
 * rating sends the suggestion back for handling once.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RatingRequest } from '../../../shared/http/api-types';
import { rateReply, RequestError, trackSuggestion } from '../api';
import { CitizenResult, TrackLink } from '../components/citizen-result';
import { CodePinForm, useCodePin } from '../components/code-pin';
import { Field } from '../components/field';
import { RadioChoices } from '../components/radio-choices';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import type { Route } from '../router';

type Rating = RatingRequest['rating'];
type Resolution = RatingRequest['resolution'];
const ratings: readonly Rating[] = ['satisfied', 'basic', 'dissatisfied'];
const resolutions: readonly Resolution[] = ['yes', 'partly', 'no'];
const maxComment = 500;

export function RatePage({ route }: { route: Route }) {
  const { t, locale } = useI18n();
  const lookup = useCodePin(route);
  const { view, credentials } = lookup;
  const [rating, setRating] = useState<Rating>();
  const [resolution, setResolution] = useState<Resolution>();
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<{ rating?: string; resolution?: string; comment?: string }>({});
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState<Rating>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (view && !sent) headingRef.current?.focus();
  }, [view]);

  useEffect(() => {
    if (sent) doneRef.current?.focus();
  }, [sent]);

  async function submit(): Promise<void> {
    if (!credentials) return;
    const found: typeof problems = {};
    if (!resolution) found.resolution = t('rating.choose');
    if (!rating) found.rating = t('rating.choose');
    if (comment.trim().length > maxComment) found.comment = t('rule.tooLong', { max: maxComment });
    setProblems(found);
    if (found.resolution) {
      document.getElementById('rate-resolution-yes')?.focus();
      return;
    }
    if (found.rating) {
      document.getElementById('rate-satisfied')?.focus();
      return;
    }
    if (found.comment) {
      document.getElementById('rate-comment')?.focus();
      return;
    }
    setError(undefined);
    setSending(true);
    try {
      const updated = await rateReply(credentials.trackingCode, credentials.pin, {
        rating: rating!,
        resolution: resolution!,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setSent(rating);
      lookup.setView(updated ?? (await trackSuggestion(credentials.trackingCode, credentials.pin).catch(() => view!)));
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      if (caught.fields?.rating || caught.fields?.resolution || caught.fields?.comment) {
        setProblems({ rating: caught.fields.rating, resolution: caught.fields.resolution, comment: caught.fields.comment });
      } else setError(caught.message);
    } finally {
      setSending(false);
    }
  }

  const trackLink = view && <TrackLink view={view} credentials={credentials} />;

  return (
    <section aria-labelledby="page-heading">
      <h1 id="page-heading" tabIndex={-1}>
        {t('rate.heading')}
      </h1>
      <p class="lead">{t('rate.intro')}</p>
      {!view && <CodePinForm state={lookup} idPrefix="rate" />}

      {view && (
        <CitizenResult idPrefix="rate" view={view} headingRef={headingRef}>
          {view.reply ? (
            <section class="reply" aria-labelledby="rate-reply-heading">
              <h3 id="rate-reply-heading">{t('track.reply')}</h3>
              <p class="prewrap content" data-testid="rate-reply">
                {view.reply.text}
              </p>
              <p class="hint">{formatDateTime(view.reply.at, locale)}</p>
            </section>
          ) : (
            <p class="notice">{t('rate.noReply')}</p>
          )}

          <div aria-live="polite">
            {sent && (
              <div class="alert alert-info" tabIndex={-1} ref={doneRef} data-testid="rate-done">
                <p>{t(sent === 'dissatisfied' ? 'rate.doneDissatisfied' : 'rate.done')}</p>
                {trackLink}
              </div>
            )}
          </div>

          {!sent && view.reply && !view.canRate && (
            <div class="notice">
              <p>{t('rate.closed')}</p>
              {trackLink}
            </div>
          )}

          {!sent && view.canRate && (
            <form
              noValidate
              class="form rate-form"
              onSubmit={(event) => {
                event.preventDefault();
                void submit();
              }}
            >
              <RadioChoices
                idPrefix="rate-resolution"
                name="resolution"
                legend={t('rate.resolutionQuestion')}
                options={resolutions}
                value={resolution ?? ''}
                onChange={(value) => {
                  setResolution(value);
                  setProblems((p) => ({ ...p, resolution: undefined }));
                }}
                label={(value) => t(`resolution.${value}`)}
                {...(problems.resolution ? { error: problems.resolution } : {})}
              />
              <fieldset
                class={problems.rating ? 'rating-choices field-invalid' : 'rating-choices'}
                aria-describedby={problems.rating ? 'rate-rating-error' : undefined}
              >
                <legend>{t('rate.question')}</legend>
                {problems.rating && (
                  <p class="field-error" id="rate-rating-error">
                    {problems.rating}
                  </p>
                )}
                {ratings.map((value) => (
                  <div class={`rating-choice rating-${value}`} key={value}>
                    <input
                      type="radio"
                      id={`rate-${value}`}
                      name="rating"
                      value={value}
                      checked={rating === value}
                      aria-invalid={problems.rating ? 'true' : undefined}
                      onChange={() => {
                        setRating(value);
                        setProblems((p) => ({ ...p, rating: undefined }));
                      }}
                    />
                    <label for={`rate-${value}`}>
                      {t(`rating.${value}`)}
                    </label>
                  </div>
                ))}
              </fieldset>
              {rating === 'dissatisfied' && <p class="hint">{t('rate.dissatisfiedHint')}</p>}
              <Field
                id="rate-comment"
                label={t('rate.comment')}
                optional
                error={problems.comment}
                after={{ id: 'rate-count', node: <span class="counter">{t('submit.count', { count: comment.trim().length, max: maxComment })}</span> }}
              >
                {(control) => <textarea {...control} rows={4} class="short" value={comment} onInput={(e) => setComment(e.currentTarget.value)} />}
              </Field>
              {error && (
                <p class="alert alert-error" role="alert">
                  {error}
                </p>
              )}
              <button type="submit" class="button button-primary" disabled={sending}>
                {sending ? t('submit.sending') : t('rate.submit')}
              </button>
            </form>
          )}
        </CitizenResult>
      )}
    </section>
  );
}

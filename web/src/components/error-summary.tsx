/**
 * The list of problems at the top of a form, each linking to its field. It takes focus when it appears (or
 * when `attempt` changes) so keyboard and screen-reader users land on it after a failed submit.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';

export interface SummaryItem {
  key: string;
  label: string;
  message: string;
  /** The control to focus; items without one (e.g. a hidden field) are listed as text. */
  targetId?: string;
}

export function ErrorSummary({ items, attempt, heading }: { items: SummaryItem[]; attempt: number; heading?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length) ref.current?.focus();
    // Focus once per failed attempt, not on every edit that changes the list.
  }, [attempt]);
  if (!items.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-heading">
      <h2 id="error-summary-heading">{heading ?? t('common.summaryHeading')}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            {item.targetId ? (
              <a
                href={`#${item.targetId}`}
                onClick={(event) => {
                  // The hash is the router's; move focus without navigating.
                  event.preventDefault();
                  const target = document.getElementById(item.targetId!);
                  target?.scrollIntoView({ block: 'center' });
                  target?.focus();
                }}
              >
                {item.label}: {item.message}
              </a>
            ) : (
              <span>
                {item.label}: {item.message}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

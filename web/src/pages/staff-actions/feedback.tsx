import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import type { Outcome } from './action-sender';

/** The message area of one action form: the server's words, and for a 409 the way to the current state. */
export function Feedback({ outcome, known, onReload }: { outcome: Outcome; known: string[]; onReload: () => Promise<void> }) {
  const { t } = useI18n();
  const [reloading, setReloading] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome.conflict) conflictRef.current?.focus();
  }, [outcome.conflict]);

  const unplaced = Object.entries(outcome.fields).filter(([name]) => !known.includes(name));
  return (
    <>
      {outcome.conflict && (
        <div class="alert alert-warning" role="alert" tabIndex={-1} ref={conflictRef} data-testid="action-conflict">
          <p class="alert-title">{t('act.conflict')}</p>
          <p>{outcome.conflict}</p>
          <button
            type="button"
            class="button button-small"
            disabled={reloading}
            onClick={async () => {
              setReloading(true);
              try {
                await onReload();
              } finally {
                setReloading(false);
              }
            }}
          >
            {reloading ? t('common.loading') : t('act.reload')}
          </button>
        </div>
      )}
      {outcome.message && (
        <div class="alert alert-error" role="alert">
          <p>{outcome.message}</p>
          {unplaced.length > 0 && (
            <ul>
              {unplaced.map(([name, message]) => (
                <li key={name}>
                  {name}: {message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}

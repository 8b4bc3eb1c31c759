/**
 * The frame of every action form: a form the page checks itself (no browser validation), named `action-<name>`,
 * then the server's words (Feedback) and the submit button, disabled while sending.
 */
import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n';
import type { ActionSender } from './action-sender';
import { Feedback } from './feedback';

export function FormFrame({
  sender,
  known,
  submitLabel,
  onSubmit,
  children,
}: {
  sender: Pick<ActionSender, 'action' | 'formRef' | 'outcome' | 'sending' | 'onReload'>;
  /** The fields the form shows the server's messages at; the others are listed in the feedback. */
  known: string[];
  submitLabel: string;
  onSubmit: () => Promise<unknown>;
  children?: ComponentChildren;
}) {
  return (
    <form
      noValidate
      ref={sender.formRef}
      class="form action-form"
      data-testid={`action-${sender.action}`}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {children}
      <Feedback outcome={sender.outcome} known={known} onReload={sender.onReload} />
      <SubmitButton sending={sender.sending} label={submitLabel} />
    </form>
  );
}

function SubmitButton({ sending, label }: { sending: boolean; label: string }) {
  const { t } = useI18n();
  return (
    <button type="submit" class="button button-primary" disabled={sending} aria-busy={sending ? 'true' : undefined}>
      {sending ? t('act.sending') : label}
    </button>
  );
}

/**
 * What every action form shares: the context it works in (the suggestion, the departments, what to do after),
 * and the sending of its action — the busy flag, and what the server said: per-field messages, a general one, or
 * for 409 (the suggestion moved on) its words with the way to the current state.
 */
import type { ComponentChild } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { Department, StaffSuggestionDetail } from '../../../../shared/http/api-types';
import { RequestError } from '../../api';
import { focusFirstInvalid } from '../../components/field';
import { t } from '../../i18n';
import { staffAction, type StaffAction, type StaffActionBodies } from '../../staff-api';

export type Problems = Record<string, string | undefined>;

/** The message for an empty required field, in the current language. */
export const required = () => t('rule.required');

export interface ActionContext {
  detail: StaffSuggestionDetail;
  departments: Department[];
  onDone: (detail: StaffSuggestionDetail, action: StaffAction) => void;
  onReload: () => Promise<void>;
}

/** One action's form, as the panel shows it. */
export type ActionForm = (props: { context: ActionContext }) => ComponentChild;

export interface Outcome {
  /** A general message (server error without a field, network). */
  message?: string;
  /** The suggestion moved on (409): the message says to what; offer to reload. */
  conflict?: string;
  /** The server's per-field messages. */
  fields: Record<string, string>;
}

/** Sends one action; keeps the sending flag and what the server said, and the form to focus a problem in. */
export function useActionSender<A extends StaffAction>(context: ActionContext, action: A) {
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ fields: {} });
  const formRef = useRef<HTMLFormElement>(null);
  const clear = () => setOutcome({ fields: {} });
  /** Once a problem shows (found here or by the server), focus goes to the first field that has one. */
  const focusProblem = () => setTimeout(() => focusFirstInvalid(formRef.current));

  async function send(body: StaffActionBodies[A]): Promise<boolean> {
    setSending(true);
    setOutcome({ fields: {} });
    try {
      const updated = await staffAction(context.detail.id, action, body);
      context.onDone(updated, action);
      return true;
    } catch (caught) {
      if (!(caught instanceof RequestError)) throw caught;
      if (caught.status === 401) return false;
      if (caught.status === 409) setOutcome({ fields: {}, conflict: caught.message });
      else setOutcome({ fields: caught.fields ?? {}, message: caught.message });
      return false;
    } finally {
      setSending(false);
    }
  }

  /** A problem found here: nothing is sent, the server's last words go, focus goes to the problem. */
  function refuse(): void {
    clear();
    focusProblem();
  }

  return { action, sending, outcome, formRef, send, clear, refuse, focusProblem, onReload: context.onReload };
}

export type ActionSender = ReturnType<typeof useActionSender>;

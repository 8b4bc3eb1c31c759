/**
 * The actions panel of the staff detail page. It shows exactly the actions the server lists in
 * `detail.availableActions` (the server decides by role, department and state); each is a small form that
 * checks its required fields here first, is disabled while sending, shows the server's per-field messages,
 * replaces the detail with the server's answer on success, and on 409 (the suggestion moved on) shows the
 * server's message with a button to load the current state.
 */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { Department, StaffSuggestionDetail } from '../../../../shared/http/api-types';
import { useI18n } from '../../i18n';
import type { StaffAction } from '../../staff-api';
import { actionLabel } from './action-labels';
import type { ActionContext, ActionForm } from './action-sender';
import { CohandlerOpinionForm } from './cohandler-opinion-form';
import { DecideExtensionForm } from './decide-extension-form';
import { InstructForm } from './instruct-form';
import { ProgressNoteForm } from './progress-note-form';
import { ReplyForm } from './reply-form';
import { RequestExtensionForm } from './request-extension-form';
import { RequestInfoForm } from './request-info-form';
import { ResumeWorkflowForm } from './resume-workflow-form';
import { ScreenForm } from './screen-form';
import { SendBackForm } from './send-back-form';
import { SignForm } from './sign-form';
// Adoption records (issue 10, point 4).
import { AdoptForm } from './adopt-form';
import { AdoptionProgressForm } from './adoption-progress-form';
import { CorrectAdoptionForm } from './correct-adoption-form';
import { FeatureIdeaForm } from './feature-idea-form';
import { UnfeatureIdeaForm } from './unfeature-idea-form';

/** Each action's form; a new action is a type error here until it has one. */
const forms: Record<StaffAction, ActionForm> = {
  screen: ScreenForm,
  sign: SignForm,
  sendBack: SendBackForm,
  requestInfo: RequestInfoForm,
  requestExtension: RequestExtensionForm,
  decideExtension: DecideExtensionForm,
  reply: ReplyForm,
  cohandlerOpinion: CohandlerOpinionForm,
  progressNote: ProgressNoteForm,
  instruct: InstructForm,
  resumeWorkflow: ResumeWorkflowForm,
  adopt: AdoptForm,
  adoptionProgress: AdoptionProgressForm,
  correctAdoption: CorrectAdoptionForm,
  featureIdea: FeatureIdeaForm,
  unfeatureIdea: UnfeatureIdeaForm,
};

/** One action as a disclosure: its name as the summary, its form inside. */
function ActionBox({ action, open, children }: { action: StaffAction; open: boolean; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <details class="action-box" open={open} data-action={action}>
      <summary>{t(actionLabel(action))}</summary>
      <div class="action-body">{children}</div>
    </details>
  );
}

/** The panel: the forms of the actions the server lists, in its order (its table's); one unknown here is left out. */
export function ActionsPanel({
  detail,
  departments,
  onUpdated,
  onReload,
}: {
  detail: StaffSuggestionDetail;
  departments: Department[];
  onUpdated: (detail: StaffSuggestionDetail) => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [done, setDone] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const available = (detail.availableActions ?? []).filter((action): action is StaffAction => Object.hasOwn(forms, action));

  const context: ActionContext = {
    detail,
    departments,
    onDone: (updated, action) => {
      onUpdated(updated);
      setDone(t('act.done', { action: t(actionLabel(action)) }));
      // The form that was used may be gone now (the actions changed): keep focus in the panel.
      setTimeout(() => statusRef.current?.focus());
    },
    onReload: async () => {
      setDone('');
      await onReload();
    },
  };

  // One form open at a time is the common case; with a single action it opens by itself.
  const openFirst = available.length === 1;
  return (
    <section class="card actions-panel" aria-labelledby="actions-heading" data-testid="actions-panel">
      <h2 id="actions-heading">{t('act.heading')}</h2>
      <p role="status" class={done ? 'alert alert-info' : 'visually-hidden'} tabIndex={-1} ref={statusRef} data-testid="action-done">
        {done}
      </p>
      {available.length === 0 && <p class="hint">{t('act.none')}</p>}
      {/* Keyed by the detail's state: after an action, the forms start afresh for what is possible now. */}
      <div key={`${detail.status}|${detail.timeline.length}`}>
        {available.map((action) => {
          const Form = forms[action];
          return (
            <ActionBox key={action} action={action} open={openFirst}>
              <Form context={context} />
            </ActionBox>
          );
        })}
      </div>
    </section>
  );
}

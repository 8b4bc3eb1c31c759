/**
 * One labelled form field: label, optional hint, and the error text tied to the control with
 * aria-describedby / aria-invalid. The control itself is rendered by the caller with the props given.
 */
import type { ComponentChildren } from 'preact';
import { t } from '../i18n';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
}

interface FieldProps {
  id: string;
  label: string;
  hint?: ComponentChildren;
  error?: string;
  optional?: boolean;
  /** Shown after the control (e.g. a character counter); its id joins aria-describedby when given. */
  after?: { id: string; node: ComponentChildren };
  children: (control: ControlProps) => ComponentChildren;
}

export function Field({ id, label, hint, error, optional, after, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, after?.id, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>
        {label}
        {optional && <span class="optional"> ({t('common.optional')})</span>}
      </label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={errorId}>
          <span class="visually-hidden">{label}: </span>
          {error}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? 'true' : undefined })}
      {after && (
        <div id={after.id} class="after">
          {after.node}
        </div>
      )}
    </div>
  );
}

/** Focuses the first control a Field marks invalid, in document order (after a check found problems). */
export function focusFirstInvalid(root: ParentNode | null | undefined): void {
  root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

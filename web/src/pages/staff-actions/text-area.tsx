import { Field } from '../../components/field';

/** A labelled text box of an action form, with its hint and error (see Field). */
export function TextArea(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  optional?: boolean;
  hint?: string;
  rows?: number;
  maxLength?: number;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error} optional={props.optional} hint={props.hint}>
      {(control) => (
        <textarea
          {...control}
          rows={props.rows ?? 4}
          maxLength={props.maxLength}
          class="short"
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

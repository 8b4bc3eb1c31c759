/**
 * A group of radio buttons under a legend, with an optional hint and error tied to it: the error marks every
 * button invalid (so focusFirstInvalid finds the group) and names the group's description.
 * Ids: `<idPrefix>-<value>` for each button, `<idPrefix>-hint` and `<idPrefix>-error`.
 */
import type { ComponentChildren } from 'preact';

export function RadioChoices<V extends string>(props: {
  idPrefix: string;
  name: string;
  legend: ComponentChildren;
  options: readonly V[];
  value: V | '';
  onChange: (value: V) => void;
  label: (value: V) => string;
  hint?: string;
  error?: string;
}) {
  const { idPrefix, error, hint } = props;
  const describedBy = error ? `${idPrefix}-error` : hint ? `${idPrefix}-hint` : undefined;
  return (
    <fieldset class={error ? 'choices field-invalid' : 'choices'} aria-describedby={describedBy}>
      <legend>{props.legend}</legend>
      {hint && (
        <p class="hint" id={`${idPrefix}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${idPrefix}-error`}>
          {error}
        </p>
      )}
      {props.options.map((value) => (
        <div class="choice" key={value}>
          <input
            type="radio"
            id={`${idPrefix}-${value}`}
            name={props.name}
            value={value}
            checked={props.value === value}
            aria-invalid={error ? 'true' : undefined}
            onChange={() => props.onChange(value)}
          />
          <label for={`${idPrefix}-${value}`}>{props.label(value)}</label>
        </div>
      ))}
    </fieldset>
  );
}

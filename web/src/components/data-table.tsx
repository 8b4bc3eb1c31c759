/**
 * A staff table that scrolls sideways on a narrow screen instead of squeezing its columns. The scroll area is a
 * named region that takes keyboard focus (so it can be scrolled without a mouse); a table of form controls, which
 * are focusable themselves, is named by a caption only screen readers read instead (`captioned`).
 */
import type { ComponentChildren } from 'preact';

/** A column's heading; `{ hidden }` for a column of buttons, whose heading only screen readers read. */
export type Column = string | { hidden: string };

export function DataTable({
  label,
  captioned,
  columns,
  class: className,
  testId,
  children,
}: {
  label: string;
  captioned?: boolean;
  columns: readonly Column[];
  /** Besides `queue`, the table class every staff table has. */
  class?: string;
  testId?: string;
  /** The rows. */
  children: ComponentChildren;
}) {
  const table = (
    <table class={className ? `queue ${className}` : 'queue'} data-testid={testId}>
      {captioned && <caption class="visually-hidden">{label}</caption>}
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th scope="col" key={index}>
              {typeof column === 'string' ? column : <span class="visually-hidden">{column.hidden}</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  if (captioned) return <div class="table-scroll">{table}</div>;
  return (
    <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {table}
    </div>
  );
}

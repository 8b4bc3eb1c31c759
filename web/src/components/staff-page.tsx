/** The frame of a staff page: the staff bar, then the page's heading (which the layout focuses on arrival). */
import type { ComponentChildren } from 'preact';
import type { StaffMe } from '../../../shared/http/api-types';
import { StaffBar } from './staff-bar';

export function StaffPage({ me, heading, class: className, children }: { me?: StaffMe; heading: ComponentChildren; class?: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby="page-heading" class={className}>
      <StaffBar me={me} />
      <h1 id="page-heading" tabIndex={-1}>
        {heading}
      </h1>
      {children}
    </section>
  );
}

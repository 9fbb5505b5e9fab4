import type { ComponentChildren } from 'preact';

/**
 * A box whose content may scroll sideways (a wide table; the chart at large text) instead of the
 * page. Focusable and named, so a keyboard user can scroll it too and a screen reader says what it
 * is (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function ScrollRegion({
  label,
  class: className = 'table-wrap',
  children,
}: {
  label: string;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    // A named <section> is a region landmark.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard
    <section class={className} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * After a failed save (`failures` went up), moves the focus to the form's error summary (ErrorSummary.tsx), once
 * the messages are rendered: a keyboard or screen-reader user hears how many errors there are and reaches each
 * field from its link. A form without a summary gets its first invalid field focused instead.
 */
export function useFocusFirstError(form: RefObject<HTMLElement>, failures: number): void {
  useEffect(() => {
    if (failures === 0) return;
    const summary = form.current?.querySelector<HTMLElement>('[data-error-summary]');
    if (summary) {
      summary.scrollIntoView({ block: 'start' });
      summary.focus({ preventScroll: true });
      return;
    }
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failures]);
}

import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * After a failed save (`failures` went up), moves the focus to the first field marked invalid in the form, once
 * the messages are rendered: a keyboard or screen-reader user lands on what to fix.
 */
export function useFocusFirstError(form: RefObject<HTMLFormElement>, failures: number): void {
  useEffect(() => {
    if (failures === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failures]);
}

import { useEffect, useRef } from 'preact/hooks';
import { FIELD_IDS, focusElement } from './field-ids.ts';
import type { OrientationModel } from './orientation-model.ts';

/**
 * Moves keyboard focus when a step is shown after a move between steps: to the field the worker came back to
 * ("Préciser …"), else to the step's heading, so a screen reader announces where one is. Not on first display
 * (the screen's title gets it then).
 */
export function useStepFocus(model: OrientationModel) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { field, seq } = model.focus.value;
  useEffect(() => {
    if (seq === 0) return;
    if (field && focusElement(FIELD_IDS[field])) return;
    heading.current?.focus();
  }, [seq]);
  return heading;
}

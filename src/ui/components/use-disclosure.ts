import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

/**
 * A button that shows and hides a panel (the disclosure pattern, not an ARIA menu: the panel holds ordinary links
 * and buttons, reached with Tab). Opening moves focus to the panel's first control; Escape closes it and gives
 * focus back to the button; a tap or focus outside, or a new address, closes it.
 */
export function useDisclosure() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { url } = useLocation();
  useEffect(() => setOpen(false), [url]);
  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('.menu-panel a, .menu-panel button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  return {
    open,
    setOpen,
    root,
    button,
    /** Tab past the panel's last control closes it (a tap on the panel's text moves focus nowhere: it stays open). */
    onFocusOut: (e: FocusEvent) => {
      const to = e.relatedTarget as Node | null;
      if (to && !root.current?.contains(to)) setOpen(false);
    },
  };
}

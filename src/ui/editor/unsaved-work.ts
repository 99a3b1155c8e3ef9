// Forms with input not yet saved on the device. The update banner reads it: applying an update reloads the page,
// which would lose what is typed but not saved (saved edits are in IndexedDB and survive any reload).
import { computed, signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

const dirtyForms = signal<ReadonlySet<string>>(new Set());

export const hasUnsavedWork = computed(() => dirtyForms.value.size > 0);

function setDirty(id: string, dirty: boolean): void {
  const next = new Set(dirtyForms.value);
  if (dirty) next.add(id);
  else next.delete(id);
  dirtyForms.value = next;
}

/** Declares a form dirty while `dirty` is true and until it unmounts. */
export function useUnsavedWork(id: string, dirty: boolean): void {
  useEffect(() => {
    setDirty(id, dirty);
    return () => setDirty(id, false);
  }, [id, dirty]);
}

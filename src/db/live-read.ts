// Following a read of the device's database: `next` gets what the read returns now, and again after every write
// that may change it — in this tab, another tab or the download worker (Dexie's liveQuery observes what the read
// touched). The screens follow repository reads (src/db/*-repo.ts) through this, never the tables themselves.
import { liveQuery } from 'dexie';

/** Starts following `read`; returns the function that stops. `failed` gets a read that threw (the follow ends). */
export function followRead<T>(
  read: () => Promise<T>,
  next: (value: T) => void,
  failed: (error: unknown) => void,
): () => void {
  const subscription = liveQuery(read).subscribe({ next, error: failed });
  return () => subscription.unsubscribe();
}

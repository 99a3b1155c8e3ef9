// A value read from the device that screens follow: idle until a screen follows it, kept current while at least
// one does (src/db/live-read.ts), its last value kept between followers. Reading `value` in a component or a
// `computed` subscribes to it, as with any signal.
import { signal } from '@preact/signals';
import { followRead } from '../../db/live-read.ts';

export interface LiveValue<T> {
  /** null until the device has been read once: until then a list is unknown, not empty. */
  readonly value: T | null;
  /** Starts following (if no one else does); returns the function that stops following. */
  follow(): () => void;
}

/** `read` is a repository read; `failed` gives the value to show when it throws (null: still unknown). */
export function liveValue<T>(read: () => Promise<T>, failed: (error: unknown) => T | null): LiveValue<T> {
  const state = signal<T | null>(null);
  let followers = 0;
  let stop: (() => void) | null = null;
  return {
    get value() {
      return state.value;
    },
    follow() {
      followers++;
      stop ??= followRead(
        read,
        (value) => {
          state.value = value;
        },
        (error) => {
          state.value = failed(error);
        },
      );
      let done = false;
      return () => {
        if (done) return;
        done = true;
        followers--;
        if (followers === 0) {
          stop?.();
          stop = null;
        }
      };
    },
  };
}

// A long list drawn in steps: the first items at once, then more at each of the page's turns. Drawn in one go, a
// list of a few hundred rows (or a few dozen that each compute something) held the page for one long task on a
// phone, and a tap waited for all of it.
import { useEffect, useState } from 'preact/hooks';
import { yieldToPage } from './page-turn.ts';

/** How many of `count` items to draw now: `first`, then `step` more at each turn of the page until all are. */
export function useInSteps(count: number, first: number, step: number): number {
  const [shown, setShown] = useState(first);
  useEffect(() => {
    if (shown >= count) return;
    let live = true;
    void yieldToPage().then(() => {
      if (live) setShown((n) => n + step);
    });
    return () => {
      live = false;
    };
  }, [shown, count]);
  return Math.min(shown, count);
}

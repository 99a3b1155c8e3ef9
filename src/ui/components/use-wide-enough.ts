import { useEffect, useState } from 'preact/hooks';

/**
 * Whether the window is a tablet's width or more. Below it (a phone) screens fold what would fill the first
 * screen (the Annuaire's filters, a campaign's details) under a button. Followed as the window turns.
 */
const WIDE_ENOUGH = '(min-width: 768px)';

export function useWideEnough(): boolean {
  const [wide, setWide] = useState(() => typeof matchMedia !== 'function' || matchMedia(WIDE_ENOUGH).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const media = matchMedia(WIDE_ENOUGH);
    const follow = () => setWide(media.matches);
    follow();
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);
  return wide;
}

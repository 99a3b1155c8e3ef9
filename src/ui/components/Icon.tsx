/** A 24 px line icon beside (or instead of) a word; decorative: the word is always there for assistive technology. */
export function Icon({ d }: { d: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24" class="icon">
      <path d={d} />
    </svg>
  );
}

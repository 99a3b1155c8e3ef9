/** A 24 px line pictogram drawn in the text's colour, beside words that say the same (hidden from screen readers). */
export function LineIcon({ name, d }: { name: string; d: string }) {
  return (
    <svg
      class="picto"
      data-picto={name}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      xmlns="http://www.w3.org/2000/svg"
    >
      <path d={d} />
    </svg>
  );
}

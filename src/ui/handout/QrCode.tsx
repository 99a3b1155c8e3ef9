import { encode } from 'uqr';

/**
 * A QR code drawn on the device (uqr, no network): one SVG path, black on white with its quiet zone, sized by
 * CSS so it prints sharp at any size. Medium error correction survives a creased or smudged sheet.
 */
export function QrCode({ value, label }: { value: string; label: string }) {
  const qr = encode(value, { ecc: 'M', border: 2 });
  let d = '';
  qr.data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    });
  });
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shape-rendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}

// What a partner's QR code on the sheet holds: a contact card (vCard 3.0) with the partner's name, phone, address
// and position. Why a contact rather than a map link or plain text: scanning it with any phone's camera (Android
// or iPhone, no app, no network) offers "Ajouter aux contacts", so the address and the number stay in the
// person's phone after the paper is lost; from the contact, one tap calls or opens the address in the phone's
// maps. A `geo:` link would open maps only on Android and be forgotten once closed; plain text cannot be tapped.
// Kept short (no notes, no hours) so the code stays small enough to scan from a printed sheet.

export interface ContactCard {
  name: string;
  phone: string | null;
  /** Street lines, then "postcode commune" as the last line. */
  address: readonly string[];
  latitude: number | null;
  longitude: number | null;
}

/** vCard escaping: backslash, comma, semicolon and newlines. */
function escaped(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');
}

export function vcardOf(card: ContactCard): string {
  const street = card.address.slice(0, -1).join(', ');
  const last = card.address.at(-1) ?? '';
  const match = /^(\d{5})\s+(.*)$/.exec(last);
  const postcode = match?.[1] ?? '';
  const city = match?.[2] ?? last;
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${escaped(card.name)}`];
  if (card.phone) lines.push(`TEL;TYPE=WORK,VOICE:${card.phone.replace(/[^+\d]/g, '')}`);
  if (card.address.length > 0) lines.push(`ADR;TYPE=WORK:;;${escaped(street)};${escaped(city)};;${postcode};France`);
  if (card.latitude !== null && card.longitude !== null) {
    lines.push(`GEO:${card.latitude.toFixed(4)};${card.longitude.toFixed(4)}`);
  }
  lines.push('END:VCARD');
  return lines.join('\r\n');
}

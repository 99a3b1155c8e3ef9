import { describe, expect, it } from 'vitest';
import { isAndroid, itineraryLink, mailtoLink, phoneDigits, smsLink } from './share-links.ts';

const TEXT =
  'Vos adresses pour l’alimentation\n\nÉpicerie sociale des Minguettes\n12 avenue Jean Cagne, 69200 Vénissieux & co';

describe('sending the sheet through the device’s apps', () => {
  it('opens the messages app on the typed number with the text as body, read by Android and iOS', () => {
    const link = smsLink(' 06 12 34-56.78 ', TEXT);
    expect(link.startsWith('sms:0612345678?&body=')).toBe(true);
    expect(decodeURIComponent(link.slice('sms:0612345678?&body='.length))).toBe(TEXT);
    expect(smsLink('+33 6 12 34 56 78', 'x')).toBe('sms:+33612345678?&body=x');
    // No number: the messages app asks whom to send it to.
    expect(smsLink('', 'x')).toBe('sms:?&body=x');
    expect(phoneDigits('+33 (0)6 12')).toBe('+330612');
  });

  it('opens the mail app on the typed address, subject and text encoded, lines as CRLF', () => {
    const link = mailtoLink(' amina.b+fiche@example.org ', 'Adresses & horaires', TEXT);
    expect(link.startsWith('mailto:amina.b%2Bfiche@example.org?subject=Adresses%20%26%20horaires&body=')).toBe(true);
    const body = new URL(link).searchParams.get('body');
    expect(body).toBe(TEXT.replace(/\n/g, '\r\n'));
  });
});

describe('« Itinéraire »', () => {
  const place = {
    name: 'Épicerie (Minguettes)',
    address: ['12 avenue Jean Cagne', '69200 Vénissieux'],
    latitude: 45.70651234,
    longitude: 4.88,
  };

  it('opens the maps app with a geo: URI on Android, a pin on the partner', () => {
    expect(itineraryLink(place, true)).toBe('geo:45.70651,4.88000?q=45.70651,4.88000(%C3%89picerie%20(Minguettes))');
    expect(isAndroid('Mozilla/5.0 (Linux; Android 14; SM-X200) AppleWebKit/537.36')).toBe(true);
    expect(isAndroid('Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)')).toBe(false);
  });

  it('elsewhere opens OpenStreetMap’s directions to the partner, the start left to the person (never where they live)', () => {
    const url = new URL(itineraryLink(place, false));
    expect(url.origin + url.pathname).toBe('https://www.openstreetmap.org/directions');
    expect(url.searchParams.get('route')).toBe(';45.70651,4.88000');
    expect([...url.searchParams.keys()]).toEqual(['route']);
  });

  it('searches the address when the listing’s position is only approximate', () => {
    const approximate = { ...place, latitude: null, longitude: null };
    expect(itineraryLink(approximate, true)).toBe(
      `geo:0,0?q=${encodeURIComponent('12 avenue Jean Cagne, 69200 Vénissieux')}`,
    );
    const url = new URL(itineraryLink(approximate, false));
    expect(url.pathname).toBe('/search');
    expect(url.searchParams.get('query')).toBe('12 avenue Jean Cagne, 69200 Vénissieux');
  });
});

// French hours phrasings of legacy listings → OSM `opening_hours`, checked by the real library. The phrasings are
// written for this test in the styles the 2019 data uses (its own text is never copied here).
import opening_hours from 'opening_hours';
import { describe, expect, it } from 'vitest';
import { frenchHoursToOsm } from './french-hours.ts';

const LYON = { lat: '45.76', lon: '4.84', address: { country_code: 'fr', state: 'Auvergne-Rhône-Alpes' } };

/** Valid for the library and without its warnings (which flag guesses such as "9h" read as 09:00). */
function isValidOsm(value: string): boolean {
  try {
    const parsed = new opening_hours(value, LYON as never, 0);
    return parsed.getWarnings().length === 0;
  } catch {
    return false;
  }
}

const CONVERTED: ReadonlyArray<readonly [string, string]> = [
  ['du lundi au vendredi de 9h à 12h', 'Mo-Fr 09:00-12:00'],
  ['le jeudi de la 3ème semaine du mois à 19h30', 'Th[3] 19:30+'],
  ['le mardi de la 1ère semaine du mois de 14h à 16h', 'Tu[1] 14:00-16:00'],
  ['le dernier vendredi du mois de 18h à 21h', 'Fr[-1] 18:00-21:00'],
  ['Du lundi au vendredi de 9h à 12h et de 13h30 à 17h30', 'Mo-Fr 09:00-12:00,13:30-17:30'],
  ['mardi, jeudi et samedi de 8h30 à 12h00', 'Tu,Th,Sa 08:30-12:00'],
  ['Mercredi et vendredi | 10h - 12h', 'We,Fr 10:00-12:00'],
  ['Samedi | 18h-20h ', 'Sa 18:00-20:00'],
  ['Lundi et jeudi | 9h00 - 11h30\n Mardi | 14h-16h30', 'Mo,Th 09:00-11:30; Tu 14:00-16:30'],
  ['tous les matins du lundi au vendredi de 8h30 à 11h30', 'Mo-Fr 08:30-11:30'],
  ['Du lundi au jeudi : 8h45 - 16h45\nVendredi : 8h45 - 12h', 'Mo-Th 08:45-16:45; Fr 08:45-12:00'],
  [
    'Lundi – Mercredi – Jeudi\n9h00 > 12h00 – 13h30 > 17h00\n\nVendredi\n9h00 > 12h00',
    'Mo,We,Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00',
  ],
  ['Permanence mardi de 14h00 à 17h00 :', 'Tu 14:00-17:00'],
  ['lundi 9h-12h\nlundi 14h-17h', 'Mo 09:00-12:00,14:00-17:00'],
  ['tous les jours de 7h à 19h', 'Mo-Su 07:00-19:00'],
  [
    'du lundi au vendredi de 8h à 12h, le samedi de 9h à 11h et le dimanche de 9h à 11h',
    'Mo-Fr 08:00-12:00; Sa,Su 09:00-11:00',
  ],
  ['lundi-vendredi 9h-17h', 'Mo-Fr 09:00-17:00'],
  ['Mardi, mercredi 9h – 12h et 14h – 17h Samedi 10h – 12h', 'Tu,We 09:00-12:00,14:00-17:00; Sa 10:00-12:00'],
  ['Du lundi au vendredi :\u00a09h à 12h et 14h à 16h30', 'Mo-Fr 09:00-12:00,14:00-16:30'],
  [
    '• Horaires : du lundi au vendredi de 8h à 14h.\n• Horaires hiver (1er novembre au 31 mars) : du lundi au samedi de 8h à 16h.',
    'Mo-Fr 08:00-14:00; Nov-Mar off; Nov-Mar Mo-Sa 08:00-16:00',
  ],
  [
    'Horaires d’été (du 15 juillet au 20 août) : du lundi au vendredi de 9h à 12h',
    'Jul 15-Aug 20 off; Jul 15-Aug 20 Mo-Fr 09:00-12:00',
  ],
];

/** Phrasings whose meaning an OSM string would not carry faithfully: left for a person, never guessed. */
const TO_CHECK: readonly string[] = [
  'Horaires hors vacances scolaires :\nDu lundi au vendredi : 9h - 17h',
  'Du lundi au vendredi : 9h - 17h\nFermeture chaque mardi de 12h à 14h',
  'sans RDV du lundi au vendredi de 9h à 12h | Sur RDV pour les démarches de titre de séjour',
  'Le mardi : de 9h -17h sauf le 1er mardi du mois : 10h - 1700',
  'Accueil téléphonique les lundis – de 9h à 12h',
  'Lundi et mardi',
  'sur rendez-vous',
  'de 25h à 26h le lundi',
];

describe('French hours to OSM opening_hours', () => {
  it.each(CONVERTED)('« %s » → %s', (french, osm) => {
    expect(isValidOsm(osm)).toBe(true);
    expect(frenchHoursToOsm(french, isValidOsm)).toEqual({ ok: true, osm });
  });

  it.each(TO_CHECK)('« %s » is left to check, not guessed', (french) => {
    const result = frenchHoursToOsm(french, isValidOsm);
    expect(result.ok).toBe(false);
  });

  it('says an empty text is empty, and refuses a result the library would not read', () => {
    expect(frenchHoursToOsm('  \n ', isValidOsm)).toEqual({ ok: false, reason: 'vide' });
    expect(frenchHoursToOsm('lundi de 9h à 12h', () => false)).toMatchObject({ ok: false, reason: 'invalide-osm' });
  });
});

// Opening hours of the demo, as OSM `opening_hours` strings. The pools deliberately include what real listings
// need and naive parsers get wrong: split days, public holidays off, nth weekday of the month (`Th[3]`), last
// weekday (`Fr[-1]`), seasonal rules by month range, comments. School holidays (`SH`) are left out on purpose:
// opening_hours 3.15.0 has no French school holidays after 2026 and throws when evaluating them; such cases go
// to `horaires_note`. Every string here is checked against the library by the demo's tests.

export const HOURS = {
  /** Institutions: CCAS, MDM, centres sociaux. */
  office: [
    'Mo-Fr 09:00-12:00,14:00-17:30; PH off',
    'Mo,Tu,Th,Fr 08:30-12:00,13:30-17:00; We 08:30-12:00; PH off',
    'Mo-Fr 08:30-12:30,13:30-17:00; PH off',
    'Mo-Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00; PH off',
    'Mo 13:30-17:00; Tu-Fr 09:00-12:00,13:30-17:00; PH off',
  ],
  /** Volunteer-run associations: few half-days. */
  association: [
    'Tu,Th 14:00-17:00; PH off',
    'Mo,We,Fr 09:00-12:00; PH off',
    'Tu-Fr 09:30-12:30,14:00-17:00; Sa 09:30-12:00; PH off',
    'Mo-Fr 09:00-12:00; Aug off; PH off',
    'We 14:00-18:00; Sa 09:00-12:00; PH off',
  ],
  epicerie: [
    'Tu,Th 14:00-17:30; Sa 09:00-12:00; PH off',
    'Mo,We 14:00-18:00; Fr 09:30-12:00; PH off',
    'Tu-Fr 14:00-18:00; PH off',
    'We 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off',
    'Tu,Fr 13:30-17:30; Aug 01-Aug 20 off; PH off',
  ],
  colis: [
    'Tu,Th 09:00-11:30; PH off',
    'Nov-Mar: Tu,Th 09:00-11:30; Apr-Oct: Th 09:00-11:30; PH off',
    'Mo 14:00-16:30; PH off',
    'We 09:00-11:30; Fr 14:00-16:00; PH off',
    'Tu[1,3] 14:00-16:30; PH off',
  ],
  meal: [
    'Mo-Fr 11:30-13:30',
    'Mo-Su 12:00-13:30',
    'Mo-Fr 11:45-13:30; PH off',
    'Nov-Mar: Mo-Su 18:30-20:00',
    // `,` adds a rule for the same days; `;` would replace the breakfast by the lunch.
    'Mo-Fr 08:00-10:00 "petit-déjeuner", Mo-Fr 12:00-13:30 "déjeuner"',
  ],
  /** Weekly pick-up of paniers: later in summer. */
  basket: [
    'Apr-Oct: We 17:00-19:00; Nov-Mar: We 16:00-18:00',
    'Th 18:00-19:30',
    'Fr 17:30-19:00; PH off',
    'Apr-Sep: Tu 18:00-19:30; Oct-Mar: Tu 17:00-18:30',
  ],
  /** Monthly sessions: groupements d'achat, ateliers, repas. */
  monthly: [
    'Th[3] 14:00-16:30',
    'We[1,3] 14:00-17:00',
    'Sa[2] 10:00-12:00',
    'Fr[-1] 19:00-22:00',
    'Tu[2,4] 09:30-11:30; PH off',
    'Mo[1] 14:00-16:00; PH off',
  ],
  atelier: [
    'We 14:00-16:00',
    'Tu 09:30-11:30; PH off',
    'Th[3] 14:00-16:30',
    'Sa 10:00-12:00 "sur inscription"',
    'Mo,Th 14:00-16:00; Jul-Aug off',
  ],
  garden: [
    'Apr-Oct: We,Sa 14:00-18:00; Nov-Mar: Sa 14:00-16:00',
    'Mar-Nov: Tu,Fr 09:00-12:00',
    'Apr-Sep: Mo-Fr 17:00-20:00; Sa 09:00-12:00',
    'May-Sep: We 16:00-19:00; Sa 10:00-12:00',
  ],
  fridge: ['24/7', 'Mo-Su 08:00-20:00', 'Mo-Sa 09:00-19:00; PH off'],
  fountain: ['24/7', 'Mo-Su 06:00-22:00', 'Apr-Oct: Mo-Su 07:00-21:00'],
  /** Replacement hours of a `horaires-exceptionnels` entry. */
  exceptional: ['Tu,Th 10:00-12:00', 'Mo-Fr 09:00-12:00', 'We 14:00-16:00', 'Mo,We 09:00-12:00', 'Sa 09:00-11:00'],
} as const satisfies Record<string, readonly string[]>;

export type HoursPool = keyof typeof HOURS;

/** What the OSM string cannot say. */
export const HOURS_NOTES = [
  'Fermé pendant les vacances scolaires de Noël',
  'Hors vacances scolaires : sur rendez-vous uniquement',
  'Accueil sans rendez-vous le matin, sur rendez-vous l’après-midi',
  'Arriver 15 minutes avant la fin de la distribution au plus tard',
  'Ouvert un samedi sur deux, voir les informations du moment',
  'Horaires réduits pendant les vacances scolaires d’été',
] as const;

// The CSV of the 2019 Boussole prototype (one partner per row: name, latitude, longitude, address, secondary
// address, transport access, phone, e-mail or website, description, categories, sub-categories, services, public,
// free-text hours) to Boussole listings: one structure and one service per row. Pure.
//
// Honest by construction: the data is from 2019, so listings are created `proposee` (a coordinator validates each
// before the public sees it), dated 2019-03-26 (the file's last change in the prototype's repository) and never
// verified; prices were not recorded ("à vérifier"); hours are converted only where the whole text is understood
// (french-hours.ts), otherwise kept word for word as "horaires à vérifier". A row without a usable address in the
// Métropole is rejected with the reason.
import { ADDRESSABLE_COMMUNES, communeByCode } from '../domain/communes.ts';
import { courriel, telephone, url } from '../domain/primitives.ts';
import type { Service } from '../domain/service.ts';
import type { Structure } from '../domain/structure.ts';
import type { Problem } from '../domain/validation.ts';
import { mapPublics, mapThemes, plain } from './boussole-2019-vocabulary.ts';
import { parseCsv } from './csv.ts';
import { UNKNOWN_PRICE } from './data-inclusion-lenses.ts';
import { hoursToCheckNote } from './data-inclusion-map.ts';
import { frenchHoursToOsm } from './french-hours.ts';

export const SOURCE_2019 = 'boussole-2019';
export const DATE_2019 = '2019-03-26';

export type Hours2019 = 'converties' | 'a-verifier' | 'absentes';

export type Row2019 =
  | {
      ok: true;
      position: string;
      structure: Structure;
      service: Service;
      hours: Hours2019;
      unmappedCategories: string[];
      /** Values left out because they were unreadable (a malformed phone or website), by field. */
      dropped: string[];
    }
  | { ok: false; position: string; problems: Problem[] };

export type Read2019 = { ok: true; rows: Row2019[] } | { ok: false; message: string };

const COLUMNS = 17;
const clean = (s: string | undefined) =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const cleanLines = (s: string | undefined) =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');

function slug(text: string): string {
  return plain(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

interface Address {
  adresse: string;
  code_postal: string;
  commune: string;
  code_insee: string;
}

/** "12 rue X 69003 Lyon", "place Y - 69283 Lyon cedex 01": a Lyon cedex becomes its arrondissement's code. */
function readAddress(text: string): Address | Problem {
  const match = /(.*?)[\s,-]*\b(69\d{3})\b(.*)$/.exec(text);
  if (!match) return { path: 'adresse', message: 'Adresse sans code postal' };
  const [, street = '', postal = '', rest = ''] = match;
  const cedex = /cedex\s*0?([1-9])\b/i.exec(rest);
  const code = cedex && /lyon/i.test(rest) ? `6900${cedex[1]}` : postal;
  const lyon = /^6900([1-9])$/.exec(code);
  // A postcode shared by several communes says nothing certain: the row is rejected rather than guessed.
  const candidates = COMMUNES_BY_POSTCODE.get(code) ?? [];
  const commune = lyon ? communeByCode(`6938${lyon[1]}`) : candidates.length === 1 ? candidates[0] : undefined;
  if (!commune) {
    const reason = candidates.length > 1 ? 'partagé par plusieurs communes' : 'hors de la Métropole de Lyon';
    return { path: 'code_postal', message: `Code postal ${code} ${reason}` };
  }
  if (street.trim().length === 0) return { path: 'adresse', message: 'Adresse sans rue' };
  return { adresse: street.trim(), code_postal: code, commune: commune.nom, code_insee: commune.code_insee };
}

const COMMUNES_BY_POSTCODE = new Map<string, (typeof ADDRESSABLE_COMMUNES)[number][]>();
for (const c of ADDRESSABLE_COMMUNES) {
  for (const p of c.codes_postaux) COMMUNES_BY_POSTCODE.set(p, [...(COMMUNES_BY_POSTCODE.get(p) ?? []), c]);
}

const coordinate = (s: string | undefined, min: number, max: number) => {
  const n = Number(clean(s));
  return clean(s) !== '' && Number.isFinite(n) && n >= min && n <= max ? n : null;
};

function contact(phoneCell: string, webCell: string, dropped: string[]) {
  const out: { telephone?: string; courriel?: string; site_web?: string } = {};
  const phone = clean(phoneCell);
  if (phone && telephone.safeParse(phone).success) out.telephone = phone;
  else if (phone) dropped.push('telephone');
  const web = clean(webCell);
  if (web.includes('@')) {
    if (courriel.safeParse(web).success) out.courriel = web;
    else dropped.push('courriel');
  } else if (web) {
    const withScheme = /^https?:\/\//.test(web) ? web : `http://${web}`;
    // A bare domain must at least have a name and a dot-separated ending.
    if (url.safeParse(withScheme).success && /^https?:\/\/[^/]+\.[a-z]{2,}(\/|$)/i.test(withScheme)) {
      out.site_web = withScheme;
    } else dropped.push('site_web');
  }
  return out;
}

function mapRow(cells: string[], position: string, ids: Set<string>, isValidOsm: (s: string) => boolean): Row2019 {
  const nom = clean(cells[0]).replace(/\.$/, '');
  if (nom.length < 3) return { ok: false, position, problems: [{ path: 'nom', message: 'Nom absent ou trop court' }] };
  const address = readAddress(clean(cells[3]));
  if ('path' in address) return { ok: false, position, problems: [address] };
  let id = `${SOURCE_2019}--${slug(nom)}-${address.code_postal}`;
  for (let n = 2; ids.has(id); n++) id = `${SOURCE_2019}--${slug(nom)}-${address.code_postal}-${n}`;
  ids.add(id);

  const dropped: string[] = [];
  const hoursText = cleanLines(cells[13]);
  const converted = hoursText ? frenchHoursToOsm(hoursText, isValidOsm) : undefined;
  const hours: Hours2019 = !hoursText ? 'absentes' : converted?.ok ? 'converties' : 'a-verifier';
  const note = hours === 'a-verifier' ? hoursToCheckNote(hoursText) : undefined;
  // The note has a length limit: a longer text is kept whole in the description.
  const hoursKept = note?.endsWith('…') ? `Horaires (texte de 2019, à vérifier) :\n${hoursText}` : undefined;
  const transports = cleanLines(cells[5]);
  const description = [cleanLines(cells[8]), transports && `Accès en transports :\n${transports}`, hoursKept]
    .filter(Boolean)
    .join('\n\n');

  const themes = mapThemes(clean(cells[9]), clean(cells[10]), clean(cells[11]));
  const publicText = cleanLines(cells[12]);
  const { publics, accueil, age_min } = mapPublics(publicText);
  const complement = clean(cells[4]);
  const structure: Structure = {
    id,
    source: SOURCE_2019,
    nom,
    ...(description ? { description: description.slice(0, 10000) } : {}),
    ...address,
    ...(complement ? { complement_adresse: complement } : {}),
    latitude: coordinate(cells[1], 45.4, 46.1),
    longitude: coordinate(cells[2], 4.5, 5.3),
    ...contact(cells[6] ?? '', cells[7] ?? '', dropped),
    ...(converted?.ok ? { horaires_accueil: converted.osm } : {}),
    ...(note ? { horaires_note: note } : {}),
    langues: [],
    reseaux_porteurs: [],
    visibilite: 'public',
    statut: 'proposee',
    date_maj: DATE_2019,
    verification: null,
    version: 1,
  };
  const services = cleanLines(cells[11]);
  const service: Service = {
    id: `${id}-accueil`,
    source: SOURCE_2019,
    structure_id: id,
    nom,
    description: (
      services ||
      cleanLines(cells[8]) ||
      'Fiche reprise de la Boussole 2019 : description à compléter.'
    ).slice(0, 10000),
    type: themes.categorie ? 'aide-materielle' : 'accompagnement',
    thematiques: themes.thematiques,
    ...(themes.categorie ? { categorie: themes.categorie } : {}),
    tarif: { type: 'payant', precisions: UNKNOWN_PRICE },
    modes_accueil: ['en-presentiel'],
    eligibilite: {
      publics,
      accueil,
      ...(age_min === undefined ? {} : { age_min }),
      sur_orientation: false,
      sur_rendez_vous: false,
      sur_inscription: false,
      justificatifs: [],
      ...(publicText ? { precisions: publicText.slice(0, 1000) } : {}),
    },
    fiche_liaison: { requise: false, canaux: ['sur-place'], champs: [] },
    infos_temporaires: [],
    regimes: [],
    visibilite: 'public',
    frequence_maj_mois: 6,
    date_maj: DATE_2019,
    verification: null,
    version: 1,
  };
  return { ok: true, position, structure, service, hours, unmappedCategories: themes.unmapped, dropped };
}

/** Reads the 2019 CSV; a file whose header is not the prototype's is refused as a whole. */
export function read2019Csv(text: string, isValidOsm: (osm: string) => boolean): Read2019 {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, message: `CSV illisible (ligne ${parsed.line}) : ${parsed.message}` };
  const [header, ...rows] = parsed.rows;
  const names = header?.cells.map((c) => plain(c)) ?? [];
  if (names[0] !== 'nom' || names[3] !== 'adresse' || names[13] !== 'horaires' || names.length !== COLUMNS) {
    return { ok: false, message: 'En-tête inattendu : ce n’est pas le CSV de la Boussole 2019' };
  }
  const ids = new Set<string>();
  return { ok: true, rows: rows.map((row) => mapRow(row.cells, `ligne ${row.line}`, ids, isValidOsm)) };
}

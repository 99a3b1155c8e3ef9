// The Métropole de Lyon's 58 communes and Lyon's 9 arrondissements (source: reference/README.md). An address in
// Lyon carries its arrondissement's INSEE code (6938x); 69123 (Lyon as a whole) is kept for zones that cover it.
import communes from './communes.json';

export interface Commune {
  code_insee: string;
  nom: string;
  codes_postaux: string[];
  population: number;
  arrondissement: boolean;
  centre: { latitude: number; longitude: number };
}

export const COMMUNES: readonly Commune[] = communes;

const byCode = new Map(COMMUNES.map((c) => [c.code_insee, c]));

export function communeByCode(code: string): Commune | undefined {
  return byCode.get(code);
}

export const LYON = '69123';

/** Where an address can be: every commune except Lyon as a whole, which is split into arrondissements. */
export const ADDRESSABLE_COMMUNES: readonly Commune[] = COMMUNES.filter((c) => c.code_insee !== LYON);

/** True when a zone listing `zoneCode` covers an address in `addressCode` (Lyon covers its arrondissements). */
export function zoneCovers(zoneCode: string, addressCode: string): boolean {
  return zoneCode === addressCode || (zoneCode === LYON && /^6938[1-9]$/.test(addressCode));
}

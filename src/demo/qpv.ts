// Quartiers prioritaires (QPV) used by the demo directory: the reference list (reference/qpv/, read by
// src/domain/qpv.ts). Its NAMES and communes are real QPV of the Métropole de Lyon; its CODES are placeholders
// (`QNDEMO01`…), because the official ANCT list was not available offline. Centres are approximate (±500 m), enough
// to place fictional addresses.
import { QPV_LIST } from '../domain/qpv.ts';

export interface DemoQpv {
  code: string;
  nom: string;
  code_insee: string;
  centre: { latitude: number; longitude: number };
}

/** The demonstration list of reference/qpv/ (src/domain/qpv.ts), with one commune and a centre each. */
export const DEMO_QPV: readonly DemoQpv[] = QPV_LIST.flatMap((q) =>
  q.centre && q.communes[0] ? [{ code: q.code, nom: q.nom, code_insee: q.communes[0], centre: q.centre }] : [],
);

const byCommune = new Map<string, DemoQpv[]>();
for (const q of DEMO_QPV) byCommune.set(q.code_insee, [...(byCommune.get(q.code_insee) ?? []), q]);

/** The demo QPV lying in a commune or arrondissement (empty for most communes). */
export function qpvOfCommune(codeInsee: string): readonly DemoQpv[] {
  return byCommune.get(codeInsee) ?? [];
}

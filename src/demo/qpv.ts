// Quartiers prioritaires (QPV) used by the demo directory. The NAMES and communes are real QPV of the Métropole
// de Lyon; the CODES are placeholders (`QNDEMO01`…), because the official ANCT 2024 list was not available offline
// (see reference/README.md). They match the `codeQpv` shape so the schemas accept them, and must be replaced by
// the ANCT codes before any real use. Centres are approximate (±500 m), enough to place fictional addresses.

export interface DemoQpv {
  code: string;
  nom: string;
  code_insee: string;
  centre: { latitude: number; longitude: number };
}

export const DEMO_QPV: readonly DemoQpv[] = [
  { code: 'QNDEMO01', nom: 'Les Minguettes', code_insee: '69259', centre: { latitude: 45.7065, longitude: 4.8805 } },
  { code: 'QNDEMO02', nom: 'La Grande Île', code_insee: '69256', centre: { latitude: 45.7805, longitude: 4.9295 } },
  { code: 'QNDEMO03', nom: 'Mas du Taureau', code_insee: '69256', centre: { latitude: 45.7855, longitude: 4.9215 } },
  { code: 'QNDEMO04', nom: 'La Duchère', code_insee: '69389', centre: { latitude: 45.7865, longitude: 4.7965 } },
  { code: 'QNDEMO05', nom: 'Mermoz', code_insee: '69388', centre: { latitude: 45.7335, longitude: 4.8775 } },
  { code: 'QNDEMO06', nom: 'États-Unis', code_insee: '69388', centre: { latitude: 45.7355, longitude: 4.8625 } },
  { code: 'QNDEMO07', nom: 'Ville Nouvelle', code_insee: '69286', centre: { latitude: 45.8185, longitude: 4.8985 } },
  { code: 'QNDEMO08', nom: 'Parilly', code_insee: '69029', centre: { latitude: 45.7235, longitude: 4.9035 } },
  { code: 'QNDEMO09', nom: 'Les Buers', code_insee: '69266', centre: { latitude: 45.7795, longitude: 4.8935 } },
  { code: 'QNDEMO10', nom: 'Saint-Jean', code_insee: '69266', centre: { latitude: 45.7775, longitude: 4.9095 } },
  {
    code: 'QNDEMO11',
    nom: 'Arsenal – Carnot-Parmentier',
    code_insee: '69199',
    centre: { latitude: 45.7045, longitude: 4.8545 },
  },
  { code: 'QNDEMO12', nom: 'Les Vernes', code_insee: '69091', centre: { latitude: 45.5895, longitude: 4.7705 } },
];

const byCommune = new Map<string, DemoQpv[]>();
for (const q of DEMO_QPV) byCommune.set(q.code_insee, [...(byCommune.get(q.code_insee) ?? []), q]);

/** The demo QPV lying in a commune or arrondissement (empty for most communes). */
export function qpvOfCommune(codeInsee: string): readonly DemoQpv[] {
  return byCommune.get(codeInsee) ?? [];
}

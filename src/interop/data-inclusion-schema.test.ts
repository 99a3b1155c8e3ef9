// Every exported record is valid data·inclusion v1, as judged by an independent validator (ajv, with formats) on
// the published JSON Schemas — not by our own zod copy of them. The demo directory exercises every field Boussole
// fills (solidarity prices, zones, channels, places hors les murs, professionals-only listings).
import { describe, expect, it } from 'vitest';
import { dataInclusionValidators } from '../../tests/fixtures/data-inclusion-validators.ts';
import { generateDirectory } from '../demo/generate-directory.ts';
import { serviceToDi, structureToDi } from './data-inclusion-map.ts';
import { diServiceSchema, diStructureSchema } from './data-inclusion-schema.ts';

const demo = generateDirectory({ services: 400 });

describe('data·inclusion export against the published JSON Schemas (ajv)', () => {
  const validate = dataInclusionValidators();

  it('validates every exported structure and service of the demo directory', () => {
    const failures: string[] = [];
    for (const s of demo.structures) {
      if (!validate.structure(structureToDi(s))) failures.push(`${s.id}: ${JSON.stringify(validate.structure.errors)}`);
    }
    for (const v of demo.services) {
      if (!validate.service(serviceToDi(v, undefined)))
        failures.push(`${v.id}: ${JSON.stringify(validate.service.errors)}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(demo.structures.length + demo.services.length).toBeGreaterThan(500);
    // Épiceries' ceilings ride in extension_boussole: the demo exports some of each.
    const withCeiling = (key: 'reste_a_vivre_max' | 'quotient_familial_max') =>
      demo.services.filter((v) => v.eligibilite[key] !== undefined).length;
    expect(withCeiling('reste_a_vivre_max')).toBeGreaterThan(0);
    expect(withCeiling('quotient_familial_max')).toBeGreaterThan(0);
  });

  it('is a real check: ajv refuses what the schemas refuse', () => {
    const [structure] = demo.structures;
    if (!structure) throw new Error('demo directory is empty');
    for (const bad of [
      { ...structureToDi(structure), date_maj: '28/11/2026' },
      { ...structureToDi(structure), courriel: 'pas un courriel' },
      { ...structureToDi(structure), reseaux_porteurs: ['reseau-inconnu'] },
      { ...structureToDi(structure), nom: 'AB' },
    ]) {
      expect(validate.structure(bad)).toBe(false);
      // Our own import schema agrees with the published one on these.
      expect(diStructureSchema.safeParse(bad).success).toBe(false);
    }
    const [service] = demo.services;
    if (!service) throw new Error('demo directory is empty');
    const badService = { ...serviceToDi(service, undefined), publics: [] };
    expect(validate.service(badService)).toBe(false);
    expect(diServiceSchema.safeParse(badService).success).toBe(false);
  });
});

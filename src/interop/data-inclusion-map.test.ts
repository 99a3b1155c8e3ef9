// data·inclusion mapping without a store: every demo listing survives export → file → import unchanged (JSON and
// CSV), an import keeps what data·inclusion does not carry, and a bad record names its field.
import { describe, expect, it } from 'vitest';
import { aService, aStructure } from '../../tests/fixtures/records.ts';
import { generateDirectory } from '../demo/generate-directory.ts';
import type { Service } from '../domain/service.ts';
import type { Structure } from '../domain/structure.ts';
import { type DiFileRecord, diCsv, diJson, readDiFile } from './data-inclusion-files.ts';
import { boussoleId, importedStructureHours, mergeDiRecord, serviceToDi, structureToDi } from './data-inclusion-map.ts';

const options = { isValidHours: (osm: string) => !osm.includes('9h') };
const demo = generateDirectory({ services: 120 });
/** What an export cannot carry: who verified (a person's name) and the server's version counter. */
const portable = <T extends Structure | Service>(r: T) => ({ ...r, verification: null, version: 1 });

function importAll(records: readonly DiFileRecord[], structureHours = importedStructureHours(records)) {
  return records.map((r) => {
    if (!r.ok) throw new Error(`${r.position}: ${JSON.stringify(r.problems)}`);
    const ofStructure =
      r.kind === 'service'
        ? structureHours.get(boussoleId(String(r.record.source), String(r.record.structure_id)))
        : undefined;
    const merged = mergeDiRecord(r.kind, r.record, r.extension, undefined, { ...options, structureHours: ofStructure });
    if (!merged.ok) throw new Error(`${r.position}: ${JSON.stringify(merged.problems)}`);
    return merged.record;
  });
}

describe('data·inclusion mapping', () => {
  it.each(['json', 'csv'] as const)('round-trips the demo directory through %s unchanged', (format) => {
    const structures = demo.structures.map(structureToDi);
    const byId = new Map(demo.structures.map((s) => [s.id, s]));
    const services = demo.services.map((v) => serviceToDi(v, byId.get(v.structure_id)));
    const files =
      format === 'json'
        ? [readDiFile('structures.json', diJson(structures)), readDiFile('services.json', diJson(services))]
        : [
            readDiFile('structures.csv', diCsv('structure', structures)),
            readDiFile('s.csv', diCsv('service', services)),
          ];
    const hours = importedStructureHours(files.flatMap((f) => (f.ok ? f.records : [])));
    const [s, v] = files.map((f) => (f.ok ? importAll(f.records, hours) : []));
    expect(s).toEqual(demo.structures.map(portable));
    expect(v).toEqual(demo.services.map(portable));
  });

  it.each(['json', 'csv'] as const)(
    'keeps an épicerie’s ceilings on the reste à vivre and the QF through export and import (%s)',
    (format) => {
      const epicerie = aService(1, 1, {
        eligibilite: { ...aService(1, 1).eligibilite, reste_a_vivre_max: 7.5, quotient_familial_max: 700 },
      });
      const exported = serviceToDi(epicerie, undefined);
      expect(exported.extension_boussole).toMatchObject({
        eligibilite: { reste_a_vivre_max: 7.5, quotient_familial_max: 700 },
      });
      const file =
        format === 'json'
          ? readDiFile('services.json', diJson([exported]))
          : readDiFile('services.csv', diCsv('service', [exported]));
      const [imported] = file.ok ? importAll(file.records) : [];
      expect((imported as Service).eligibilite).toMatchObject({ reste_a_vivre_max: 7.5, quotient_familial_max: 700 });
    },
  );

  const maraude = aService(1, 1, {
    nom: 'Maraude du soir',
    arrets: [
      {
        id: 'guichard',
        nom: 'Place Guichard',
        code_postal: '69003',
        commune: 'Lyon 3e Arrondissement',
        code_insee: '69383',
        latitude: 45.7597,
        longitude: 4.8475,
        horaires: 'Tu 18:30-20:00',
      },
      {
        id: 'vaulx',
        adresse: '2 avenue Gabriel Péri',
        commune: 'Vaulx-en-Velin',
        code_insee: '69256',
        latitude: null,
        longitude: null,
        horaires: 'We 09:30-12:00',
        precisions: 'Devant la médiathèque',
      },
    ],
  });

  it.each(['json', 'csv'] as const)(
    'carries a service that moves as one service with its stops in extension_boussole.arrets (%s)',
    (format) => {
      const exported = serviceToDi(maraude, aStructure(1));
      expect(exported.extension_boussole).toMatchObject({ arrets: maraude.arrets });
      const file =
        format === 'json'
          ? readDiFile('services.json', diJson([exported]))
          : readDiFile('services.csv', diCsv('service', [exported]));
      expect(file.ok && file.records).toHaveLength(1);
      const [imported] = file.ok ? importAll(file.records) : [];
      expect(imported).toEqual(portable(maraude));
    },
  );

  it('refuses a stop whose hours the grammar refuses, naming the stop', () => {
    const exported = serviceToDi(maraude, aStructure(1));
    const arrets = [maraude.arrets?.[0], { ...maraude.arrets?.[1], horaires: 'We 9h-12h' }];
    const merged = mergeDiRecord(
      'service',
      exported,
      { ...(exported.extension_boussole as object), arrets },
      undefined,
      options,
    );
    expect(merged.ok ? [] : merged.problems.map((p) => p.path)).toEqual(['arrets[1].horaires']);
  });

  it.each(['json', 'csv'] as const)('carries what the food is like in extension_boussole, both ways (%s)', (format) => {
    const offre = {
      produits: ['fruits-legumes-frais', 'bio', 'local'],
      choix: 'libre',
      modes: ['libre-service', 'commande'],
    } as const;
    const epicerie = aService(1, 1, {
      offre_alimentaire: { ...offre, produits: [...offre.produits], modes: [...offre.modes] },
    });
    const exported = serviceToDi(epicerie, aStructure(1));
    expect(exported.extension_boussole).toMatchObject({ offre_alimentaire: offre });
    const file =
      format === 'json'
        ? readDiFile('services.json', diJson([exported]))
        : readDiFile('services.csv', diCsv('service', [exported]));
    const [imported] = file.ok ? importAll(file.records) : [];
    expect((imported as Service).offre_alimentaire).toEqual(offre);
  });

  it('refuses an imported food offer the domain refuses, naming the field', () => {
    const extension = { offre_alimentaire: { produits: ['caviar'], modes: [] } };
    const merged = mergeDiRecord('service', serviceToDi(aService(1, 1), aStructure(1)), extension, undefined, options);
    expect(merged.ok ? [] : merged.problems.map((p) => p.path)).toEqual(['offre_alimentaire.produits[0]']);
  });

  it('refuses an imported ceiling the domain refuses, naming the field', () => {
    const exported = serviceToDi(aService(1, 1), undefined);
    const extension = { eligibilite: { ...aService(1, 1).eligibilite, reste_a_vivre_max: -3 } };
    const merged = mergeDiRecord('service', exported, extension, undefined, options);
    expect(merged.ok ? [] : merged.problems.map((p) => p.path)).toEqual(['eligibilite.reste_a_vivre_max']);
  });

  it('keeps the fields data·inclusion lacks, and the richer value of a field it exports unchanged', () => {
    const existing = aService(1, 1, {
      tarif: { type: 'solidaire', pourcentage_min: 10, pourcentage_max: 30, precisions: '10 à 30 % du prix' },
      regimes: ['halal'],
      eligibilite: { ...aService(1, 1).eligibilite, justificatifs: ['attestation-caf'], age_min: 18 },
    });
    const incoming = { ...serviceToDi(existing, undefined), nom: 'Épicerie renommée', publics: ['familles'] };
    const merged = mergeDiRecord('service', incoming, undefined, existing, options);
    expect(merged.ok && merged.record).toMatchObject({
      nom: 'Épicerie renommée',
      tarif: existing.tarif,
      regimes: ['halal'],
      eligibilite: { publics: ['familles'], accueil: 'preferentiel', justificatifs: ['attestation-caf'], age_min: 18 },
    });
  });

  it('carries the amounts of a price: whole in extension_boussole, in words in frais_precisions', () => {
    const tarif = {
      type: 'solidaire',
      montant: 7,
      montant_reference: 18,
      unite: 'panier',
      adhesion: { montant: 2.5, periode: 'mois' },
      precisions: 'Le reste est pris en charge par le fonds solidaire',
    } as const;
    const service = aService(1, 1, { tarif });
    const exported = serviceToDi(service, undefined);
    expect(exported.frais).toBe('payant');
    expect(String(exported.frais_precisions).replace(/\u00a0/g, ' ')).toBe(
      'Panier à 7 € au lieu de 18 €. Adhésion 2,50 € par mois. Le reste est pris en charge par le fonds solidaire',
    );
    for (const file of [
      readDiFile('services.json', diJson([exported])),
      readDiFile('services.csv', diCsv('service', [exported])),
    ]) {
      const [created] = file.ok ? importAll(file.records) : [];
      expect((created as Service | undefined)?.tarif).toEqual(tarif);
      // Re-imported over the listing, an unchanged price keeps its amounts.
      const again = mergeDiRecord('service', exported, undefined, service, options);
      expect(again.ok && (again.record as Service).tarif).toEqual(tarif);
    }
  });

  it('builds a new listing from a foreign record with honest defaults', () => {
    const merged = mergeDiRecord(
      'service',
      {
        source: 'dora',
        id: '42',
        structure_id: 'abc',
        nom: 'Aide alimentaire',
        description: 'Colis chaque semaine.',
        date_maj: '2026-01-05',
        thematiques: ['equipement-et-alimentation--alimentation'],
        horaires_accueil: 'lundi 9h',
        conditions_acces: 'Sur orientation CCAS',
      },
      undefined,
      undefined,
      options,
    );
    expect(merged.ok && merged.record).toMatchObject({
      id: 'dora--42',
      structure_id: 'dora--abc',
      type: 'aide-materielle',
      tarif: { type: 'payant', precisions: 'Tarif non renseigné par la source : à vérifier' },
      horaires_note: 'Horaires à vérifier : lundi 9h',
      eligibilite: { precisions: 'Conditions d’accès : Sur orientation CCAS' },
    });
    expect(merged.ok && merged.hoursToCheck).toBe(true);
  });

  it('names the field and the reason of a record data·inclusion or Boussole refuses', () => {
    const bad = { ...structureToDi(aStructure(1)), courriel: 'pas-un-courriel', nom: 'AB' };
    const read = readDiFile('structures.json', JSON.stringify([bad]));
    expect(read.ok && read.records[0]).toMatchObject({
      ok: false,
      position: 'structures[0]',
      problems: [{ path: 'nom' }, { path: 'courriel' }],
    });
    const noAddress = { ...structureToDi(aStructure(2)), adresse: null };
    const merged = mergeDiRecord('structure', noAddress, undefined, undefined, options);
    expect(merged.ok ? [] : merged.problems.map((p) => p.path)).toEqual(['adresse']);
  });

  describe('hours in one place', () => {
    const structure = aStructure(1, { horaires_accueil: 'Mo-Fr 09:00-12:00; PH off' });
    const sharing = aService(1, 1, { horaires_accueil: undefined });
    const own = aService(1, 2, { horaires_accueil: 'Tu 14:00-17:00' });

    it('writes each service’s effective hours, and says in extension_boussole which are the structure’s', () => {
      expect(serviceToDi(sharing, structure)).toMatchObject({
        horaires_accueil: 'Mo-Fr 09:00-12:00; PH off',
        extension_boussole: { horaires_herites: true },
      });
      const exported = serviceToDi(own, structure);
      expect(exported.horaires_accueil).toBe('Tu 14:00-17:00');
      expect(exported.extension_boussole).not.toHaveProperty('horaires_herites');
    });

    it('keeps a service sharing its structure’s hours when both come in the same import, whatever the source', () => {
      const incoming = { ...serviceToDi(sharing, structure), extension_boussole: undefined };
      const shared = mergeDiRecord('service', incoming, undefined, undefined, {
        ...options,
        structureHours: 'Mo-Fr 09:00-12:00; PH off',
      });
      expect(shared.ok && shared.record.horaires_accueil).toBeUndefined();
      const different = mergeDiRecord('service', serviceToDi(own, structure), undefined, undefined, {
        ...options,
        structureHours: 'Mo-Fr 09:00-12:00; PH off',
      });
      expect(different.ok && different.record.horaires_accueil).toBe('Tu 14:00-17:00');
    });

    it('without the structure in the import, follows Boussole’s flag only for a service that already shares', () => {
      const incoming = serviceToDi(sharing, structure);
      const extension = incoming.extension_boussole as Record<string, unknown>;
      const kept = mergeDiRecord('service', incoming, extension, sharing, options);
      expect(kept.ok && kept.record.horaires_accueil).toBeUndefined();
      // A new service, or one with its own hours: the structure here may have other hours, so they become its own.
      const fresh = mergeDiRecord('service', incoming, extension, undefined, options);
      expect(fresh.ok && fresh.record.horaires_accueil).toBe('Mo-Fr 09:00-12:00; PH off');
      const owned = mergeDiRecord('service', incoming, extension, own, options);
      expect(owned.ok && owned.record.horaires_accueil).toBe('Mo-Fr 09:00-12:00; PH off');
    });
  });
});

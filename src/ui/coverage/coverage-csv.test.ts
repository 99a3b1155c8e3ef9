import opening_hours from 'opening_hours';
import { describe, expect, it } from 'vitest';
import { COVERAGE_NOW, coverageServices, coverageStructures } from '../../../tests/fixtures/coverage-directory.ts';
import { type Actor, actorsByTerritory } from '../../matching/coverage/actors.ts';
import { computeCoverage } from '../../matching/coverage/coverage.ts';
import { createHoursEngine, type OpeningHoursConstructor } from '../../matching/hours/hours-engine.ts';
import { prepareDirectory } from '../../matching/snapshot.ts';
import { actorsCsv, coverageCsv } from './coverage-csv.ts';

const engine = createHoursEngine(opening_hours as unknown as OpeningHoursConstructor);
const snapshot = prepareDirectory(coverageStructures, coverageServices);
const matrix = computeCoverage(snapshot, COVERAGE_NOW, { hours: engine });
const lines = (csv: string) => csv.slice(1).split('\r\n').slice(0, -1);

describe('the coverage CSV exports', () => {
  it('open in French Excel: BOM, semicolons, CRLF, decimal commas', () => {
    const csv = coverageCsv(matrix, { maxDistanceKm: 3 });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = lines(csv);
    expect(rows[0]).toBe(
      'Code INSEE;Territoire;Population;Besoin;Services;Dont accueil inconditionnel;Dont en QPV;Services aux horaires connus;Jours d’ouverture par semaine;Ouvert le week-end;Ouvert le soir;Service le plus proche (km);Services pour 10 000 habitants;Manques',
    );
    // 67 territories × 10 needs.
    expect(rows).toHaveLength(1 + 67 * 10);
    expect(rows).toContain(
      '69259;Vénissieux;65502;Aide alimentaire (colis, distribution);1;1;0;1;5;non;non;0;0,15;rien le week-end',
    );
    expect(rows).toContain(
      '69259;Vénissieux;65502;Prendre un repas;1;0;0;1;1;oui;oui;0;0,15;aucun accueil inconditionnel',
    );
    expect(rows).toContain(
      '69123;Lyon (toute la ville);519127;Aide alimentaire (colis, distribution);2;1;1;1;2;non;non;1;0,04;rien le week-end',
    );
    // Without any service: hours left empty, and the gaps in words under the threshold chosen.
    expect(rows.find((r) => r.startsWith('69266;Villeurbanne;163684;Aide alimentaire'))).toBe(
      '69266;Villeurbanne;163684;Aide alimentaire (colis, distribution);0;0;0;0;;;;3,5;0;aucun service, rien à moins de 3 km',
    );
    expect(coverageCsv(matrix, { maxDistanceKm: 4.5 })).toContain(';3,5;0;aucun service\r\n');
  });

  it('list each territory’s actors once, Lyon through its arrondissements only', () => {
    const order = matrix.territories.map((t) => t.code_insee);
    const rows = lines(actorsCsv(actorsByTerritory(snapshot), order));
    expect(rows).toEqual([
      'Code INSEE;Territoire;Partenaire;Identifiant;Besoins;Services sur le territoire;Accueil inconditionnel;Commune du partenaire;Téléphone;Courriel',
      '69259;Vénissieux;Épicerie du Centre;test--s1;Aide alimentaire (colis, distribution), Prendre un repas, Rompre l’isolement autour d’un repas ou d’une activité;2;oui;Vénissieux;04 00 00 00 01;',
      '69383;Lyon 3e Arrondissement;Bons du 3e;test--s4;Aide alimentaire (colis, distribution);1;oui;Lyon 3e Arrondissement;;',
      '69388;Lyon 8e Arrondissement;Entraide Gratte-Ciel;test--s2;Aide alimentaire (colis, distribution), Prendre un repas;1;non;Villeurbanne;;',
    ]);
  });

  it('quote what needs it and never let a partner’s cell run as a formula', () => {
    const hostile: Actor = {
      structureId: 'test--s9',
      nom: '=HYPERLINK("https://evil.example";"Voir")',
      needs: [],
      services: 1,
      unconditional: true,
      homeCommune: '69259',
      telephone: '+33 4 72 00 00 00',
      courriel: '@SUM(1+1)',
    };
    expect(lines(actorsCsv(new Map([['69259', [hostile]]]), ['69259']))[1]).toBe(
      '69259;Vénissieux;"\'=HYPERLINK(""https://evil.example"";""Voir"")";test--s9;;1;oui;Vénissieux;"\'+33 4 72 00 00 00";"\'@SUM(1+1)"',
    );
  });
});

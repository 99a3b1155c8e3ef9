// The device's database. Version history is append-only: never edit or delete a `version()` block, add the next
// one with its upgrade (ENGINEERING.md principle 4). Rows are domain records as the server sent them; anything
// read back goes through the domain schemas (directory-repo.ts) before the app uses it.
import { Dexie, type EntityTable } from 'dexie';
import type { Service } from '../domain/service.ts';
import type { Structure } from '../domain/structure.ts';

/** Small key/value state of the device: the directory's sync cursor and epoch, and the like. */
export interface MetaRow {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'boussole';

export class BoussoleDatabase extends Dexie {
  structures!: EntityTable<Structure, 'id'>;
  services!: EntityTable<Service, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    // v1 (foundation): the directory and the device's sync state. Indexes serve the filters the brief asks for
    // (commune, QPV, need via category and thematiques, price, reception, publics, languages, freshness).
    this.version(1).stores({
      structures: 'id, nom, code_insee, code_qpv, statut, date_maj, *langues, *reseaux_porteurs',
      services:
        'id, structure_id, categorie, type, *thematiques, tarif.type, eligibilite.accueil, *eligibilite.publics, lieu.code_insee, date_maj',
      meta: 'key',
    });
  }
}

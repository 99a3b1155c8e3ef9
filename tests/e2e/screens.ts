// Every screen of every role, as the field uses them: what the overflow, tap-target and axe sweeps visit
// (every-screen.spec.ts) and what the Lighthouse audit measures (scripts/lighthouse.ts, `--every-screen`).
// Kept free of Playwright and the DOM so that both can use it; the server is read through `get`.

/** The demo accounts' roles, as the sign-in screen's « Essayer en tant que … » buttons name them. */
export const ROLES = [
  'Travailleur·se social·e',
  'Partenaire (structure)',
  'Coordination (Métropole, MDM tête de file)',
] as const;
export type Role = (typeof ROLES)[number] | null;

export interface Screens {
  role: Role;
  paths: string[];
}

/** A JSON body read from the server, by path (`/api/v1/…`). */
export type GetJson = (path: string) => Promise<unknown>;

export async function firstOf<T>(get: GetJson, path: string, key: string): Promise<T> {
  const body = (await get(path)) as Record<string, T[]>;
  const [first] = body[key] ?? [];
  if (!first) throw new Error(`rien à ${path}`);
  return first;
}

/** The demo partner account speaks for the structure of the first épicerie sociale (server/demo-accounts.ts). */
export function demoGrocery(get: GetJson): Promise<{ id: string; structure_id: string }> {
  return firstOf(get, '/api/v1/services?categorie=social_grocery_stores&limit=1', 'services');
}

/** The first action of the public feed (its editor is a coordinator's screen). */
async function firstAction(get: GetJson): Promise<string> {
  for (let cursor = 0; ; ) {
    const page = (await get(`/api/v1/directory?cursor=${cursor}&limit=2000`)) as {
      entries: Array<{ kind: string; record?: { id: string } }>;
      cursor: number;
      hasMore: boolean;
    };
    const action = page.entries.find((e) => e.kind === 'action')?.record;
    if (action) return action.id;
    if (!page.hasMore) throw new Error('aucune action dans l’annuaire');
    cursor = page.cursor;
  }
}

export async function everyScreen(get: GetJson): Promise<Screens[]> {
  const structure = await firstOf<{ id: string }>(get, '/api/v1/structures?limit=1', 'structures');
  const sheet = `/partenaires/${encodeURIComponent(structure.id)}`;
  const grocery = await demoGrocery(get);
  const ownSheet = `/partenaires/${encodeURIComponent(grocery.structure_id)}`;
  const actionEditor = `/agenda/${encodeURIComponent(await firstAction(get))}/modifier`;
  return [
    { role: null, paths: ['/', '/connexion', '/annuaire?q=epicerie', sheet, '/agenda', '/page-inconnue'] },
    {
      role: 'Travailleur·se social·e',
      paths: [
        '/',
        '/annuaire?q=epicerie',
        sheet,
        `${sheet}/modifier`,
        '/orientation',
        '/fiche',
        `/orientations/nouvelle/${encodeURIComponent(grocery.id)}`,
        '/orientations',
        '/agenda',
        '/couverture',
        '/donnees',
        '/synchronisation',
      ],
    },
    {
      role: 'Partenaire (structure)',
      paths: [
        '/',
        ownSheet,
        `${ownSheet}/modifier`,
        `${ownSheet}/services/${encodeURIComponent(grocery.id)}/modifier`,
        '/orientations',
        '/agenda/nouvelle',
        '/propositions/nouvelle',
      ],
    },
    {
      role: 'Coordination (Métropole, MDM tête de file)',
      paths: [
        '/',
        '/propositions',
        '/signalements',
        '/campagnes',
        '/campagnes/nouvelle',
        '/couverture',
        '/donnees',
        '/evaluation',
        '/administration',
        actionEditor,
      ],
    },
  ];
}

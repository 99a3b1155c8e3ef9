// The 2019 prototype's words mapped to Boussole's vocabulary: its "grandes catégories", "sous catégories" and
// the services it lists become data·inclusion thématiques and, where food is served or handed out, a food
// category; its "public accueilli" becomes publics. Matching is on accent-free lower-case words, and only what a
// rule names is mapped: a category without an equivalent (e.g. "PRECARITE", which says who, not what) maps to
// nothing and is reported, never forced into the closest value.

import { foldAccents } from '../domain/fold-accents.ts';
import type { FoodCategoryValue } from '../domain/vocabulary.ts';
import type { PUBLICS, THEMATIQUES } from '../domain/vocabulary-data-inclusion.ts';

type Thematique = keyof typeof THEMATIQUES;
type Public = keyof typeof PUBLICS;

export const plain = (text: string) => foldAccents(text).toLowerCase().replace(/\s+/g, ' ').trim();

interface ThemeRule {
  match: RegExp;
  thematiques: readonly Thematique[];
  categorie?: FoodCategoryValue;
}

export const THEME_RULES: readonly ThemeRule[] = [
  { match: /\bsante\b|prise en charge medicale|point sante/, thematiques: ['sante--acces-aux-soins'] },
  { match: /addiction/, thematiques: ['sante--addictions'] },
  { match: /hebergement/, thematiques: ['logement-hebergement--rechercher-une-solution-dhebergement-temporaire'] },
  { match: /logement/, thematiques: ['logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement'] },
  {
    match: /acces aux droits|information sur les droits/,
    thematiques: ['difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits'],
  },
  {
    match: /documents administratifs|domiciliation/,
    thematiques: ['difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives'],
  },
  { match: /mode de garde|petite enfance/, thematiques: ['famille--garde-denfants'] },
  { match: /parentalite|scolarite/, thematiques: ['famille--soutien-a-la-parentalite-et-a-leducation'] },
  {
    match: /culture|sociocul|socicul|loisirs|activites sportive/,
    thematiques: ['remobilisation--activites-sportives-et-culturelles'],
  },
  { match: /animation sociale|temps de rencontre/, thematiques: ['remobilisation--lien-social'] },
  { match: /numerique/, thematiques: ['numerique--maitriser-les-fondamentaux-du-numerique'] },
  { match: /vestiaire/, thematiques: ['equipement-et-alimentation--habillement'] },
  // Food: meals and snacks served on site, parcels handed out.
  {
    match: /refectoire|repas|collation|petit dejeuner/,
    thematiques: ['equipement-et-alimentation--alimentation'],
    categorie: 'food_distribution',
  },
  {
    match: /colis|banque alimentaire|aide alimentaire/,
    thematiques: ['equipement-et-alimentation--alimentation'],
    categorie: 'food_packages',
  },
];

export interface ThemeMapping {
  thematiques: Thematique[];
  categorie?: FoodCategoryValue;
  /** "Grandes catégories" no rule maps, as written (for the report). */
  unmapped: string[];
}

/** Maps the three category columns; the first food rule that matches gives the food category. */
export function mapThemes(categories: string, subCategories: string, services: string): ThemeMapping {
  const text = plain([categories, subCategories, services].join(' | '));
  const thematiques = new Set<Thematique>();
  let categorie: FoodCategoryValue | undefined;
  for (const rule of THEME_RULES) {
    if (!rule.match.test(text)) continue;
    for (const t of rule.thematiques) thematiques.add(t);
    categorie ??= rule.categorie;
  }
  const unmapped = categories
    .split(/[|/]/)
    .map((c) => c.trim())
    .filter((c) => c !== '' && !THEME_RULES.some((rule) => rule.match.test(plain(c))));
  return { thematiques: [...thematiques], ...(categorie ? { categorie } : {}), unmapped };
}

const PUBLIC_RULES: ReadonlyArray<readonly [RegExp, Public]> = [
  // "hommes, femmes, couples…" lists everyone: only women named alone make a women's service.
  [/^(?!.*\bhommes?\b).*\bfemmes?\b/, 'femmes'],
  [/\bjeunes?\b(?! enfants)|18 a 25 ans/, 'jeunes'],
  [/asile|refugie|exile/, 'personnes-exilees'],
  [/plus de (50|60|65) ans|seniors?|personnes agees/, 'seniors'],
  [/parents?|familles?/, 'familles'],
  [/handicap/, 'personnes-en-situation-de-handicap'],
];

/**
 * "Public accueilli": explicit unconditional welcome is `inconditionnel` for everyone; named publics are
 * `preferentiel` (the 2019 text rarely says "only"); nothing said is everyone, `preferentiel`, to be checked.
 */
export function mapPublics(text: string): {
  publics: Public[];
  accueil: 'inconditionnel' | 'preferentiel';
  /** "personne majeure", "jeunes majeurs": adults only. */
  age_min?: number;
} {
  const p = plain(text);
  const adults = /\bmajeure?s?\b/.test(p) ? { age_min: 18 } : {};
  if (/inconditionnel/.test(p) || /^(tous|tout public|tous publics)$/.test(p)) {
    return { publics: ['tous-publics'], accueil: 'inconditionnel', ...adults };
  }
  const named = PUBLIC_RULES.filter(([match]) => match.test(p)).map(([, value]) => value);
  return { publics: named.length > 0 ? [...new Set(named)] : ['tous-publics'], accueil: 'preferentiel', ...adults };
}

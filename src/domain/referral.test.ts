import { describe, expect, it } from 'vitest';
import { type ReferralDraft, referralDraftSchema, statusChangeSchema } from './referral.ts';
import { answerProblems, DEFAULT_FIELDS, IDENTITY_FIELDS, referralForm } from './referral-form.ts';
import { prefillAnswers } from './referral-prefill.ts';
import {
  applyStatus,
  erasePersonalFields,
  expire,
  isDueForErasure,
  isDueForExpiry,
  needsReminder,
  type StoredReferral,
  senderScope,
  sidesOf,
  transitionProblem,
} from './referral-rules.ts';
import { ficheLiaisonSchema } from './service.ts';
import type { Account } from './sync-protocol.ts';
import { parse } from './validation.ts';

const fiche = {
  requise: true,
  canaux: ['application' as const],
  champs: [
    { id: 'reste_a_vivre', libelle: 'Reste à vivre', type: 'nombre' as const, requis: true },
    { id: 'duree', libelle: 'Durée', type: 'choix' as const, requis: false, options: ['1 mois', '3 mois'] },
    { id: 'urgence', libelle: 'Urgence', type: 'oui-non' as const, requis: false },
  ],
};

const draft = (over: Partial<ReferralDraft> = {}): ReferralDraft => ({
  id: 'ref-0123456789abcdef',
  service_id: 'test--s1',
  structure_id: 'test--p1',
  formulaire: referralForm(fiche),
  reponses: { personne_nom: 'Awa Diallo', reste_a_vivre: 4 },
  consentement: { par: 'personne', recueilli_le: '2026-03-02T10:00:00+01:00', structure_id: 'test--p1' },
  ...over,
});

describe('liaison form definition', () => {
  it('accepts a partner form with text, date, number, choice and yes/no fields', () => {
    const ok = parse(ficheLiaisonSchema, {
      ...fiche,
      champs: [...fiche.champs, { id: 'debut', libelle: 'Début', type: 'date', requis: false }],
    });
    expect(ok.ok).toBe(true);
  });

  it('refuses a choice field without choices, choices on another type, and two fields with one id', () => {
    const bad = parse(ficheLiaisonSchema, {
      ...fiche,
      champs: [
        { id: 'a', libelle: 'A', type: 'choix', requis: true },
        { id: 'b', libelle: 'B', type: 'texte', requis: true, options: ['x', 'y'] },
        { id: 'b', libelle: 'B2', type: 'texte', requis: true },
      ],
    });
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual(['champs[0].options', 'champs[1].options', 'champs']);
  });

  it('gives a partner without fields the default form, always opened by who the person is', () => {
    const form = referralForm({ requise: false, canaux: ['sur-place'], champs: [] });
    expect(form.map((f) => f.id)).toEqual([...IDENTITY_FIELDS, ...DEFAULT_FIELDS].map((f) => f.id));
    expect(referralForm(fiche).map((f) => f.id)).toEqual([
      'personne_nom',
      'personne_telephone',
      'reste_a_vivre',
      'duree',
      'urgence',
    ]);
  });
});

describe('answers', () => {
  it('refuses fields the form does not ask for, wrong types, choices outside the list, missing required ones', () => {
    const problems = answerProblems(referralForm(fiche), {
      personne_nom: 'X',
      reste_a_vivre: 'quatre',
      duree: '12 mois',
      revenus: 900,
    });
    expect(problems).toEqual([
      { path: 'reponses.reste_a_vivre', message: 'Nombre attendu' },
      { path: 'reponses.duree', message: 'Choix hors liste' },
      { path: 'reponses.revenus', message: 'Champ non demandé par la fiche de liaison' },
    ]);
    expect(answerProblems(referralForm(fiche), {}).map((p) => p.path)).toEqual([
      'reponses.personne_nom',
      'reponses.reste_a_vivre',
    ]);
  });

  it('never quotes the refused value in a message', () => {
    const problems = answerProblems(referralForm(fiche), { personne_nom: 'Awa', reste_a_vivre: 'Awa Diallo 06 12' });
    expect(JSON.stringify(problems)).not.toContain('Diallo');
  });
});

describe('pre-fill from the profile', () => {
  const profile = {
    besoins: [],
    lieu: { code_insee: '69259' },
    foyer: { adultes: 1, ages_enfants: [4, 9] },
    regimes: ['halal' as const],
    urgence: 'aujourdhui' as const,
    age: 34,
    ressources: 'minima-sociaux' as const,
  };

  it('fills only the fields the form asks for', () => {
    expect(prefillAnswers(referralForm(fiche), profile)).toEqual({ urgence: true });
    const answers = prefillAnswers(referralForm({ requise: false, canaux: ['sur-place'], champs: [] }), profile);
    expect(answers).toEqual({
      commune: 'Vénissieux',
      composition_foyer: '1 adulte, 2 enfants (4 ans, 9 ans)',
      regime: 'Halal',
      urgence: true,
    });
    expect(answers).not.toHaveProperty('age');
    expect(answers).not.toHaveProperty('ressources');
  });

  it('gives an épicerie’s form the reste à vivre it asks for, and no form the amounts themselves', () => {
    const withBudget = {
      ...profile,
      budget: {
        ressources: { salaires: 900, prestations_caf: 350 },
        charges: { loyer: 520, energie: 90, assurances: 32, autres: 50 },
      },
    };
    expect(prefillAnswers(referralForm(fiche), withBudget)).toEqual({ reste_a_vivre: 6.2, urgence: true });
    const standard = prefillAnswers(referralForm({ requise: false, canaux: ['sur-place'], champs: [] }), withBudget);
    expect(JSON.stringify(standard)).not.toMatch(/900|350|520|6\.2/);
  });

  it('leaves a field empty when the profile answer does not fit its type', () => {
    const form = [{ id: 'age', libelle: 'Âge', type: 'oui-non' as const, requis: false }];
    expect(prefillAnswers(form, profile)).toEqual({});
  });
});

describe('consent and the referral draft', () => {
  it('accepts a complete draft', () => {
    expect(parse(referralDraftSchema, draft()).ok).toBe(true);
  });

  it('requires consent, given for this very partner, with the representative named when it is them', () => {
    const { consentement: _, ...withoutConsent } = draft();
    const paths = (input: unknown) => {
      const r = parse(referralDraftSchema, input);
      return r.ok ? [] : r.problems.map((p) => p.path);
    };
    expect(paths(withoutConsent)).toContain('consentement');
    expect(
      paths(
        draft({ consentement: { par: 'personne', recueilli_le: '2026-03-02T10:00:00Z', structure_id: 'test--p2' } }),
      ),
    ).toEqual(['consentement.structure_id']);
    expect(
      paths(
        draft({
          consentement: { par: 'representant', recueilli_le: '2026-03-02T10:00:00Z', structure_id: 'test--p1' },
        }),
      ),
    ).toEqual(['consentement.representant_nom']);
  });

  it('refuses a draft carrying answers the form does not ask for', () => {
    const r = parse(referralDraftSchema, draft({ reponses: { personne_nom: 'A', reste_a_vivre: 3, nir: '1 85' } }));
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['reponses.nir']);
  });

  it('requires a reason to refuse, and only to refuse', () => {
    expect(parse(statusChangeSchema, { id: 'chg-0123456789abcdef', statut: 'refusee' }).ok).toBe(false);
    expect(parse(statusChangeSchema, { id: 'chg-0123456789abcdef', statut: 'refusee', motif: 'complet' }).ok).toBe(
      true,
    );
    expect(parse(statusChangeSchema, { id: 'chg-0123456789abcdef', statut: 'acceptee', motif: 'complet' }).ok).toBe(
      false,
    );
  });
});

const worker: Account = { id: 'w1', nom: 'Wendy', role: 'travailleur' };
const partner: Account = { id: 'p1', nom: 'Épicerie', role: 'partenaire', structure_id: 'test--p1' };
const otherPartner: Account = { id: 'p2', nom: 'Autre', role: 'partenaire', structure_id: 'test--p2' };
const coordinator: Account = { id: 'c1', nom: 'Coord', role: 'coordinateur' };
const row = { structure_id: 'test--p1', sender_scope: 'compte:w1' };

describe('status workflow', () => {
  it('lets the receiving partner mark received, accept or refuse, and nobody change a closed referral', () => {
    const sides = sidesOf(partner, row);
    expect(sides).toEqual(['destinataire']);
    expect(transitionProblem('envoyee', 'recue', sides)).toBeUndefined();
    expect(transitionProblem('recue', 'refusee', sides)).toBeUndefined();
    expect(transitionProblem('envoyee', 'annulee', sides)).toMatch(/équipe qui a envoyé/);
    expect(transitionProblem('acceptee', 'refusee', sides)).toMatch(/close/);
  });

  it('lets the sending team cancel but not answer', () => {
    const sides = sidesOf(worker, row);
    expect(sides).toEqual(['envoyeur']);
    expect(transitionProblem('envoyee', 'annulee', sides)).toBeUndefined();
    expect(transitionProblem('envoyee', 'acceptee', sides)).toMatch(/partenaire destinataire/);
  });

  it('gives another partner, another worker and a coordinator no side at all', () => {
    expect(sidesOf(otherPartner, row)).toEqual([]);
    expect(sidesOf({ ...worker, id: 'w2' }, row)).toEqual([]);
    expect(sidesOf(coordinator, row)).toEqual([]);
  });

  it('makes a worker’s team its sending side: colleagues in, another team, no team and that structure’s partner out', () => {
    const mina: Account = { id: 'w3', nom: 'Mina', role: 'travailleur', equipe_id: 'test--mdm' };
    expect(senderScope(mina)).toBe('equipe:test--mdm');
    const teamRow = { structure_id: 'test--p1', sender_scope: senderScope(mina) };
    expect(sidesOf({ ...mina, id: 'w4' }, teamRow)).toEqual(['envoyeur']);
    expect(sidesOf({ ...mina, equipe_id: 'test--asso' }, teamRow)).toEqual([]);
    expect(sidesOf(worker, teamRow)).toEqual([]);
    expect(sidesOf({ ...partner, structure_id: 'test--mdm' }, teamRow)).toEqual([]);
    // A team on another role is ignored (the store refuses it anyway): a partner stays its structure.
    expect(senderScope({ ...partner, equipe_id: 'test--mdm' })).toBe('structure:test--p1');
  });
});

const sent: StoredReferral = {
  ...draft({ message: 'Merci de la recevoir' }),
  consentement: {
    par: 'representant',
    representant_nom: 'M. Diallo',
    recueilli_le: '2026-03-02T10:00:00Z',
    structure_id: 'test--p1',
  },
  envoyeur: { account_id: 'w1', nom: 'Wendy', role: 'travailleur' },
  envoyee_le: '2026-03-02T10:00:00.000Z',
  statut: 'envoyee',
  historique: [{ statut: 'envoyee', at: '2026-03-02T10:00:00.000Z', par: { nom: 'Wendy', role: 'travailleur' } }],
};
const policy = { rappel_jours: 10, expiration_jours: 30, conservation_jours: 90 };
const day = (n: number) => new Date(Date.parse('2026-03-02T10:00:00Z') + n * 86_400_000);

describe('reminders, expiry and erasure with an injected clock', () => {
  it('reminds the sender after 10 days without an answer, not before, and not once answered', () => {
    expect(needsReminder(sent, day(9), policy)).toBe(false);
    expect(needsReminder(sent, day(10), policy)).toBe(true);
    const accepted = applyStatus(sent, { id: 'chg-0123456789abcdef', statut: 'acceptee' }, partner, day(3));
    expect(needsReminder(accepted, day(12), policy)).toBe(false);
  });

  it('expires an unanswered referral after 30 days and closes it', () => {
    expect(isDueForExpiry(sent, day(29), policy)).toBe(false);
    expect(isDueForExpiry(sent, day(30), policy)).toBe(true);
    const expired = expire(sent, day(30));
    expect(expired.statut).toBe('expiree');
    expect(expired.cloturee_le).toBe(day(30).toISOString());
    expect(expired.historique.at(-1)).toEqual({ statut: 'expiree', at: day(30).toISOString() });
  });

  it('follows a configured policy', () => {
    expect(needsReminder(sent, day(3), { ...policy, rappel_jours: 3 })).toBe(true);
    expect(isDueForExpiry(sent, day(7), { ...policy, expiration_jours: 7 })).toBe(true);
  });

  it('erases personal fields 90 days after closing, keeping an anonymous record', () => {
    const refused = applyStatus(
      sent,
      { id: 'chg-0123456789abcdef', statut: 'refusee', motif: 'complet', note: 'Rappeler Awa au 06…' },
      partner,
      day(2),
    );
    expect(isDueForErasure(refused, day(91), policy)).toBe(false);
    expect(isDueForErasure(refused, day(92), policy)).toBe(true);
    const erased = erasePersonalFields(refused, day(92));
    const text = JSON.stringify(erased);
    for (const personal of ['Awa', 'Diallo', 'Merci de la recevoir', 'Rappeler']) expect(text).not.toContain(personal);
    const accepted = applyStatus(
      sent,
      {
        id: 'chg-0123456789abcdef',
        statut: 'acceptee',
        rendez_vous: { date: '2026-03-09', interlocuteur: 'Mme Martin' },
      },
      partner,
      day(2),
    );
    expect(accepted.rendez_vous).toEqual({ date: '2026-03-09', interlocuteur: 'Mme Martin' });
    expect(erasePersonalFields(accepted, day(92)).rendez_vous).toBeUndefined();
    expect(erased).toMatchObject({ statut: 'refusee', motif: 'complet', structure_id: 'test--p1', reponses: {} });
    expect(erased.effacee_le).toBe(day(92).toISOString());
    expect(isDueForErasure(erased, day(200), policy)).toBe(false);
    expect(isDueForErasure(sent, day(500), policy)).toBe(false);
  });
});

// French strings of the matching's reasons, written out. Kept out of strings.ts (the shell's, on the first load): only the
// lazy screens that show them import this module.
export const frReasons = {
  listing_not_validated: 'Partenaire proposé, pas encore validé par la coordination',
  covers_needs: (needs: string) => `Répond à : ${needs}`,
  secondary_answer: (needs: string | null) =>
    needs ? `Répond moins directement à : ${needs}` : 'Proposé en plus des besoins demandés',
  needs_cooking: (inferred: boolean) =>
    inferred
      ? 'Denrées à cuisiner : sans domicile fixe, cuisiner est sans doute difficile'
      : 'Denrées à cuisiner, or la personne ne peut pas cuisiner',
  ready_to_eat: 'Repas prêt à manger',
  age_min: (min: number) => `Accueil à partir de ${min} ans`,
  age_max: (max: number) => `Accueil jusqu’à ${max} ans`,
  age_unknown: (range: string) => `Âge à préciser : accueil ${range}`,
  age_match: (range: string) => `Âge accepté (${range})`,
  ageRange: (min: number | null, max: number | null) =>
    min !== null && max !== null
      ? `de ${min} à ${max} ans`
      : min !== null
        ? `à partir de ${min} ans`
        : max !== null
          ? `jusqu’à ${max} ans`
          : 'selon l’âge',
  gender_reserved: (label: string) => `${label} : ne correspond pas à la personne`,
  gender_unknown: (label: string) => `${label} : à vérifier`,
  gender_match: (label: string) => `${label} : correspond à la personne`,
  family_situation: (accepted: string) => `Réservé à : ${accepted}`,
  family_unknown: (accepted: string) => `Situation familiale à préciser (réservé à : ${accepted})`,
  family_match: (label: string, inferred: boolean) =>
    `Situation familiale acceptée : ${label}${inferred ? ' (d’après le foyer)' : ''}`,
  young_child: (age: number | null) =>
    age === null
      ? 'Pour les tout-petits : grossesse en cours'
      : `Pour les tout-petits : un enfant ${age === 0 ? 'de moins d’un an' : `d’${age} an`}`,
  no_young_child: 'Réservé aux foyers avec un enfant de moins de 2 ans ou une grossesse',
  young_child_unknown: 'Réservé aux tout-petits : âges des enfants à préciser',
  administrative_situation: (accepted: string) => `Situation administrative non acceptée (réservé à : ${accepted})`,
  administrative_unknown: (accepted: string) => `Situation administrative à préciser (accepte : ${accepted})`,
  administrative_match: (label: string) => `Situation administrative acceptée : ${label}`,
  resources_not_accepted: (accepted: string) => `Ressources non acceptées (réservé à : ${accepted})`,
  resources_unknown: (accepted: string) => `Ressources à préciser (accepte : ${accepted})`,
  resources_match: (label: string) => `Ressources acceptées : ${label}`,
  zone_outside: (places: string) => `Réservé aux habitants de ${places}`,
  zone_unknown: (places: string) => `Réservé aux habitants de ${places} : lieu de vie à préciser`,
  zone_no_fixed_address: (places: string) =>
    `Réservé aux habitants de ${places} : sans domicile fixe, à voir avec le partenaire`,
  zone_match: (place: string) => `Dans la zone desservie (${place})`,
  zoneQpv: (code: string) => `quartier ${code}`,
  public_exclusive: (publics: string) => `Public accueilli : ${publics}`,
  public_preferred: (publics: string) => `Public prioritaire : ${publics}`,
  public_exclusive_mismatch: (publics: string) => `Réservé à un autre public : ${publics}`,
  public_exclusive_unverified: (publics: string) => `Réservé à : ${publics} — à vérifier`,
  unconditional: 'Accueil sans condition',
  needs_referral: (fiche: boolean, canaux: string) =>
    fiche
      ? `Sur orientation : fiche de liaison à remplir (${canaux})`
      : 'Sur orientation d’un ou d’une travailleuse sociale',
  needs_appointment: 'Sur rendez-vous',
  needs_registration: 'Sur inscription',
  direct_access: 'Accès direct, sans orientation',
  documents_required: (documents: string) => `Justificatifs demandés : ${documents}`,
  document_may_be_missing: (document: string) => `Pièce demandée qui peut manquer : ${document}`,
  slow_access_for_urgency: (urgence: string) => `Accès en plusieurs étapes, long pour un besoin « ${urgence} »`,
  diet_supported: (regimes: string) => `Régime respecté : ${regimes}`,
  diet_not_declared: (regimes: string) => `${regimes} : le partenaire n’a pas dit s’il en propose, à lui demander`,
  language_spoken: (langues: string) => `On y parle ${langues}`,
  language_not_spoken: (langues: string) => `Langue de la personne non parlée (on y parle ${langues})`,
  distance_beyond_max: (km: string, max: string) => `À ${km}, au-delà des ${max} acceptés`,
  distance_beyond_mobility: (km: string, mode: string | null) =>
    mode ? `À ${km} : loin pour se déplacer ${mode}` : `À ${km} : loin`,
  remote_possible: 'Possible à distance (téléphone, visio)',
  closed_until: (until: string | null) => (until ? `Fermé jusqu’au ${until}` : 'Fermé jusqu’à nouvel ordre'),
  exceptional_hours: (until: string | null) =>
    until ? `Horaires exceptionnels jusqu’au ${until}` : 'Horaires exceptionnels en ce moment',
  open_now: (until: string) => `Ouvert maintenant jusqu’à ${until}`,
  opens_today: (when: string) => `Ouvert ${when}`,
  opens_this_week: (when: string) => `Ouvert ${when}`,
  not_open_today: (next: string | null) =>
    next ? `Pas ouvert aujourd’hui (prochaine ouverture : ${next})` : 'Pas ouvert aujourd’hui',
  not_open_this_week: (next: string | null) =>
    next ? `Pas ouvert cette semaine (prochaine ouverture : ${next})` : 'Pas ouvert cette semaine',
  no_opening_soon: 'Aucune ouverture prévue dans les trois prochains mois',
  opening_in_availability: (when: string) => `Ouvert quand la personne est disponible : ${when}`,
  no_opening_in_availability: 'Pas d’ouverture quand la personne est disponible',
  hours_unknown: 'Horaires non renseignés : appeler avant de venir',
  hours_to_confirm: (comment: string | null) =>
    comment ? `Horaires à confirmer : « ${comment} »` : 'Horaires à confirmer auprès du partenaire',
  verified_recently: (months: number) =>
    months === 0 ? 'Informations vérifiées ce mois-ci' : `Informations vérifiées il y a ${months} mois`,
  verification_due: (months: number) => `Informations à revérifier (vérifiées il y a ${months} mois)`,
  listing_obsolete: (months: number) => `Informations anciennes (vérifiées il y a ${months} mois) : appeler avant`,
  never_verified: (months: number) => `Informations jamais vérifiées (modifiées il y a ${months} mois)`,
  moved_for_diversity: 'Remonté pour varier les partenaires proposés',
  mdm_recommended: (commune: string) => `Recommandé par la MDM de ${commune}`,
  colleague_criteria: (criteres: string) => `Critère de collègues : ${criteres}`,
} as const;

// The scale of the score, in one place so that the weights can be read against each other. The score orders
// services within a rank tier (orient/rank-key.ts: timeliness, reach, first or second answer come first); one
// point is worth one minute of travel, so every bonus reads as "worth so many minutes more on the way" (a public
// made for the person: 10 minutes; passing one more eligibility rule: 1). Covering all the needs rather than some
// matters most (up to 30), then travel, the hours against the urgency, the fit of the reception, then comfort.
// Penalties for stale listings and full services are large enough to move a service a page down.
export const POINTS = {
  needsFull: 30,
  babyMatch: 10,
  readyToEat: 8,
  needsCooking: -12,

  /** Only for a public that matters for the needs (criteria/publics.ts `relevant`). */
  publicExclusive: 10,
  publicPreferred: 5,
  unconditional: 2,
  unconditionalWhenUrgent: 6,
  targetedMatch: 1,

  directAccess: 3,
  slowAccessToday: -12,
  slowAccessThisWeek: -5,
  /** "To check" for an access step only: the person cannot go there straight away. */
  toCheck: -5,
  /** "To check" for a doubt on eligibility: likely not for this person until the worker checks. */
  doubt: -15,

  /** Per quality trait a food service declares, when the worker asks to favour quality food (3 at most). */
  foodQualityPerTrait: 5,
  dietPerRegime: 4,
  dietNotDeclared: -3,
  languageSpoken: 10,
  languageNotSpoken: -8,

  /** Per minute of travel by the person's mode (travel.ts); none for a service also offered at a distance. */
  perTravelMinute: -1,
  /** Where the distance cannot be computed (no location for the person or the service): a middle trip. */
  travelUnknown: -20,

  free: 4,
  solidarity: 2,
  paid: -4,

  closedNotBlocking: -10,

  openNowToday: 20,
  opensLaterToday: 16,
  notOpenToday: -15,
  openThisWeek: 10,
  notOpenThisWeek: -10,
  openSoon: 2,
  noOpeningSoon: -6,
  inAvailability: 6,
  notInAvailability: -8,
  hoursUnknown: -4,

  verified: 3,
  verificationDue: -4,
  obsolete: -15,
  neverVerified: -6,

  /** The MDM of the person's commune recommends this partner; a criterion colleagues gave it was asked. */
  mdmRecommended: 5,
  colleagueCriterion: 4,
  /** At most this many matching criteria count (tags are free: many synonyms must not outweigh the needs). */
  colleagueCriteriaMax: 2,

  placesAvailable: 2,
  placesLimited: -3,
  waitingList: -10,
  waitingListUrgent: -20,
} as const;

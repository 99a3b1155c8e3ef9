// The scale of the score, in one place so that the weights can be read against each other. Roughly: covering the
// needs matters most (up to 30), then being reachable (distance up to 20, hours up to 20 when urgent), then the
// fit of the reception (an exclusive service for this person's public beats an unconditional one), then the
// comfort factors. Penalties for stale listings and full services are large enough to move a service a page down.
export const POINTS = {
  needsFull: 30,
  babyMatch: 10,
  readyToEat: 8,
  needsCooking: -12,

  publicExclusive: 12,
  publicPreferred: 6,
  unconditional: 2,
  unconditionalWhenUrgent: 6,
  targetedMatch: 3,

  directAccess: 3,
  slowAccessToday: -12,
  slowAccessThisWeek: -5,
  /** "To check" services move down a little: the person cannot go there straight away. */
  toCheck: -5,

  dietPerRegime: 4,
  dietNotDeclared: -3,
  languageSpoken: 10,
  languageNotSpoken: -8,

  distanceMax: 20,
  beyondMobility: -10,
  /** Where the distance cannot be computed (no location for the person or the service). */
  distanceUnknown: 8,

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

  /** Issue 7: the MDM of the person's commune recommends this partner; a criterion colleagues gave it was asked. */
  mdmRecommended: 5,
  colleagueCriterion: 4,
  /** At most this many matching criteria count (tags are free: many synonyms must not outweigh the needs). */
  colleagueCriteriaMax: 2,

  placesAvailable: 2,
  placesLimited: -3,
  waitingList: -10,
  waitingListUrgent: -20,
} as const;

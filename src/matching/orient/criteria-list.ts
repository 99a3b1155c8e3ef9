// The criteria an orientation runs, each in its own module (criteria/). Order does not matter for the verdict
// or the score; it is the order reasons are listed in, so the most telling come first.
import { accessModeCriterion } from '../criteria/access-mode.ts';
import { administrativeCriterion } from '../criteria/administrative.ts';
import { ageCriterion } from '../criteria/age.ts';
import { amountsCriterion } from '../criteria/amounts.ts';
import type { Criterion } from '../criteria/criterion.ts';
import { dietCriterion } from '../criteria/diet.ts';
import { distanceCriterion } from '../criteria/distance.ts';
import { familyCriterion } from '../criteria/family.ts';
import { foodQualityCriterion } from '../criteria/food-quality.ts';
import { freshnessCriterion } from '../criteria/freshness.ts';
import { genderCriterion } from '../criteria/gender.ts';
import { closureCriterion } from '../criteria/hours.ts';
import { languageCriterion } from '../criteria/language.ts';
import { listingCriterion } from '../criteria/listing.ts';
import { needsCriterion } from '../criteria/needs.ts';
import { priceCriterion } from '../criteria/price.ts';
import { publicsCriterion } from '../criteria/publics.ts';
import { recommendationsCriterion } from '../criteria/recommendations.ts';
import { resourcesCriterion } from '../criteria/resources.ts';
import { saturationCriterion } from '../criteria/saturation.ts';
import { zoneCriterion } from '../criteria/zone.ts';

export const CRITERIA: readonly Criterion[] = [
  listingCriterion,
  needsCriterion,
  zoneCriterion,
  ageCriterion,
  genderCriterion,
  familyCriterion,
  administrativeCriterion,
  resourcesCriterion,
  amountsCriterion,
  publicsCriterion,
  closureCriterion,
  accessModeCriterion,
  distanceCriterion,
  languageCriterion,
  dietCriterion,
  foodQualityCriterion,
  priceCriterion,
  saturationCriterion,
  freshnessCriterion,
  recommendationsCriterion,
];

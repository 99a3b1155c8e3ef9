// The listing itself: a structure proposed by a worker and not yet validated by a coordinator is not a place to
// send someone to (it is shown among the excluded, with the reason).

import { TRAIT } from '../snapshot-entry.ts';
import { type Criterion, exclude, NONE } from './criterion.ts';

export const listingCriterion: Criterion = {
  name: 'listing',
  concerns: TRAIT.unpublished,
  prepare() {
    return (entry, ev) => {
      if (!entry.published) exclude(ev, 'listing_not_validated', NONE);
    };
  },
};

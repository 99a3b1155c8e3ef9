// What the referral screens need from the app (boot.ts), and the hook that loads their model with their chunk.
import type { ReadonlySignal } from '@preact/signals';
import type { CatalogModel } from '../../models/catalog-model.ts';
import type { ReferralModel } from '../../models/referral-model.ts';
import type { SessionModel } from '../../models/session-model.ts';
import { useLoadedModel } from '../use-loaded-model.ts';

export interface ReferralContext {
  referrals: () => Promise<ReferralModel>;
  session: SessionModel;
  catalog: ReadonlySignal<CatalogModel | null>;
}

export const useReferralModel = (load: () => Promise<ReferralModel>) => useLoadedModel(load);

/** Partner and service names from the directory on the device, for display. */
export function namesOf(catalog: CatalogModel | null, serviceId: string): { partner: string; service: string } {
  const entry = catalog?.entry(serviceId);
  return { partner: entry?.structure?.nom ?? entry?.service.nom ?? serviceId, service: entry?.service.nom ?? '' };
}

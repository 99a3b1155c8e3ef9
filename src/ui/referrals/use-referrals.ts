// What the referral screens need from the app (boot.ts), and the hook that loads their model with their chunk.
import type { ReadonlySignal } from '@preact/signals';
import { useLoadedModel } from '../components/use-loaded-model.ts';
import type { CatalogModel } from '../directory/catalog-model.ts';
import type { SessionModel } from '../session/session-model.ts';
import type { ReferralModel } from './referral-model.ts';

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

// The recap: the partners (services) the worker picked during an orientation, that become the person's sheet
// (/fiche). Held in memory for the tab's life only, like the profile: it says where a person is being sent, so it
// is never written to the device's storage nor sent anywhere. The optional first name typed for the sheet lives
// here too, under the same rule. Order is the order of selection.
import { computed, signal } from '@preact/signals';

export interface RecapItem {
  serviceId: string;
  structureId: string;
  /** From the orientation it was picked in: how far from where the person lives (null when unknown). */
  distanceKm: number | null;
  distanceApproximate: boolean;
}

export function createRecapModel() {
  const items = signal<readonly RecapItem[]>([]);
  const firstName = signal('');
  const has = (serviceId: string) => items.value.some((i) => i.serviceId === serviceId);
  const remove = (serviceId: string) => {
    items.value = items.value.filter((i) => i.serviceId !== serviceId);
  };
  const add = (item: RecapItem) => {
    if (!has(item.serviceId)) items.value = [...items.value, item];
  };
  return {
    items,
    firstName,
    count: computed(() => items.value.length),
    has,
    add,
    remove,
    toggle(item: RecapItem): void {
      if (has(item.serviceId)) remove(item.serviceId);
      else add(item);
    },
    clear(): void {
      items.value = [];
      firstName.value = '';
    },
  };
}

export type RecapModel = ReturnType<typeof createRecapModel>;

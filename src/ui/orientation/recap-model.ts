// The recap: the partners (services) the worker picked during an orientation, that become the person's sheet
// (/fiche). It says where a person is being sent, so it follows the profile's rule (orientation-model.ts): kept on
// this device with the orientation in progress (work-in-progress.ts), never sent, erased with it. The optional first
// name typed for the sheet lives here too, under the same rule. Order is the order of selection.
import { computed, signal } from '@preact/signals';

export interface RecapItem {
  serviceId: string;
  structureId: string;
  /** From the orientation it was picked in: how far from where the person lives (null when unknown). */
  distanceKm: number | null;
  distanceApproximate: boolean;
  /** A service that moves: the stop the orientation proposed (its place and hours go on the handout). */
  stopId?: string | undefined;
}

/** What survives a reload (work-in-progress.ts); parsed back by work-in-progress-schema.ts. */
export interface SavedRecap {
  items: readonly RecapItem[];
  firstName: string;
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
    saved(): SavedRecap {
      return { items: items.value, firstName: firstName.value };
    },
    restore(saved: SavedRecap): void {
      items.value = saved.items;
      firstName.value = saved.firstName;
    },
    clear(): void {
      items.value = [];
      firstName.value = '';
    },
  };
}

export type RecapModel = ReturnType<typeof createRecapModel>;

import { describe, expect, it } from 'vitest';
import { createRecapModel } from './recap-model.ts';

const item = (n: number) => ({
  serviceId: `svc-${n}`,
  structureId: `str-${n}`,
  distanceKm: n,
  distanceApproximate: false,
});

describe('the recap', () => {
  it('keeps the picked services in the order they were picked, each once', () => {
    const recap = createRecapModel();
    recap.add(item(2));
    recap.add(item(1));
    recap.add(item(2));
    expect(recap.items.value.map((i) => i.serviceId)).toEqual(['svc-2', 'svc-1']);
    expect(recap.count.value).toBe(2);
    expect(recap.has('svc-1')).toBe(true);
  });

  it('removes a service, toggles one in and out, and forgets everything with clear', () => {
    const recap = createRecapModel();
    recap.add(item(1));
    recap.add(item(2));
    recap.remove('svc-1');
    expect(recap.items.value.map((i) => i.serviceId)).toEqual(['svc-2']);
    recap.toggle(item(3));
    recap.toggle(item(2));
    expect(recap.items.value.map((i) => i.serviceId)).toEqual(['svc-3']);
    recap.firstName.value = 'Amina';
    recap.clear();
    expect(recap.count.value).toBe(0);
    expect(recap.firstName.value).toBe('');
  });
});

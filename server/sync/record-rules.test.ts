// The device and the server apply a field change with the same function (src/domain/record-changes.ts), whose
// list of nullable fields is written by hand: this keeps it equal to what the schemas say.
import { describe, expect, it } from 'vitest';
import { NULLABLE_FIELDS } from '../../src/domain/record-changes.ts';
import { serviceSchema } from '../../src/domain/service.ts';
import { structureSchema } from '../../src/domain/structure.ts';
import { withChanges } from './record-rules.ts';

describe('field changes', () => {
  it('know exactly the top-level fields whose schema admits null as a value', () => {
    const nullable = new Set<string>();
    for (const schema of [structureSchema, serviceSchema]) {
      const shape = schema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
      for (const [field, fieldSchema] of Object.entries(shape))
        if (fieldSchema.safeParse(null).success) nullable.add(field);
    }
    expect([...nullable].sort()).toEqual([...NULLABLE_FIELDS].sort());
  });

  it('remove an optional field set to null, keep null where it is a value, and never touch the original', () => {
    const record = { telephone: '04 00 00 00 00', latitude: 45.7, nom: 'A' };
    expect(withChanges(record, { telephone: null, latitude: null, nom: 'B' })).toEqual({ latitude: null, nom: 'B' });
    expect(record).toEqual({ telephone: '04 00 00 00 00', latitude: 45.7, nom: 'A' });
  });
});

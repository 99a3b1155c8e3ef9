// The size of a push is counted without an encoder (the core is pure): it must be the UTF-8 size the server reads,
// or a batch the device thinks fits is refused (413), or one that fits is cut for nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../domain/sync-protocol.ts';
import { pushBodyBytes, utf8Length } from './push-size.ts';

const encoded = (text: string) => new TextEncoder().encode(text).length;
/** Any sequence of UTF-16 code units, lone surrogates included. */
const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff })).map((units) => String.fromCharCode(...units));

describe('counting UTF-8 bytes by hand', () => {
  it('counts as TextEncoder does, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), codeUnits), (text) => {
        expect(utf8Length(text)).toBe(encoded(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('counts the mutations of a push body as their JSON in UTF-8', () => {
    const mutation = fc.string({ unit: 'binary' }).map(
      (description): Mutation => ({
        id: 1,
        name: 'record.update',
        args: { kind: 'service', id: 'test--v001', base: {}, changes: { description } },
      }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        expect(pushBodyBytes(mutations) - pushBodyBytes([])).toBe(encoded(JSON.stringify(mutations)) - '[]'.length);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, jsonBoundsProblem, MUTATION_LIMITS, mutationHash } from './json-values.ts';

/** The fingerprint's text before it was written without recursion: stored fingerprints were made with it. */
const recursiveCanonicalJson = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });

const nested = (levels: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};

describe('canonicalJson', () => {
  it('writes every JSON value as before, so a retry of a mutation stored earlier still matches', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(recursiveCanonicalJson(value));
      }),
      { numRuns: 500 },
    );
    expect(canonicalJson({ b: [1, undefined, { d: 2, c: undefined }], a: 'x', 10: 0, 9: 0 })).toBe(
      '{"9":0,"10":0,"a":"x","b":[1,null,{"d":2}]}',
    );
    const proto = JSON.parse('{"__proto__":{"x":1},"b":1}');
    expect(canonicalJson(proto)).toBe(recursiveCanonicalJson(proto));
  });

  it('fingerprints a value nested 20,000 levels deep instead of exhausting the stack', () => {
    const deep = nested(20_000);
    expect(() => recursiveCanonicalJson(deep)).toThrow(RangeError);
    expect(mutationHash(deep)).toMatch(/^[0-9a-f]{64}$/);
    expect(mutationHash(deep)).not.toBe(mutationHash(nested(20_001)));
  });
});

describe('jsonBoundsProblem', () => {
  const limits = { depth: 3, string: 5, items: 2, keys: 2, keyLength: 4 };

  it('accepts a value within every bound', () => {
    expect(jsonBoundsProblem({ a: ['12345', { b: null }] }, limits)).toBeNull();
    expect(jsonBoundsProblem('abc', limits)).toBeNull();
  });

  it.each([
    [{ a: [{ b: [] }] }, 'a[0].b', 'Valeur trop imbriquée (au plus 3 niveaux)'],
    [{ a: ['123456'] }, 'a[0]', 'Texte trop long (au plus 5 caractères)'],
    [{ a: [1, 2, 3] }, 'a', 'Liste trop longue (au plus 2 éléments)'],
    [{ a: { x: 1, y: 2, z: 3 } }, 'a', 'Trop de champs (au plus 2)'],
    [{ a: { longue: 1 } }, 'a', 'Nom de champ trop long (au plus 4 caractères)'],
  ])('names the first place beyond a bound: %j → %s', (value, path, message) => {
    expect(jsonBoundsProblem(value, limits)).toEqual({ path, message });
  });

  it('measures a value of any depth without recursion, and shortens the path it names', () => {
    expect(jsonBoundsProblem(nested(200_000), MUTATION_LIMITS)).toEqual({
      path: 'a.a.a.a.a.a.a.a…',
      message: 'Valeur trop imbriquée (au plus 64 niveaux)',
    });
    expect(jsonBoundsProblem(nested(63), MUTATION_LIMITS)).toBeNull();
  });

  it('leaves the items of the array named `apart` to the caller, and only them', () => {
    const body = { m: [nested(10)], o: nested(10) };
    expect(jsonBoundsProblem({ m: body.m }, limits, 'm')).toBeNull();
    expect(jsonBoundsProblem(body, limits, 'm')?.path).toBe('o.a.a');
  });
});

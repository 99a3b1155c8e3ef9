// The rrule library (RFC 5545 recurrence rules) as one import. It ships an ES module, which bundlers take, and a
// CommonJS build, which Node loads (the server's .ics feeds, the tests) and whose named exports Node cannot see:
// this module hands out the same class either way. Only src/domain/agenda/occurrences.ts imports it, so the app loads it in
// the lazy chunks that show dates (agenda, sheets, orientation), never on first load.
import * as lib from 'rrule';

type Lib = typeof lib;
// Read with Reflect: the bundler sees the ES module, which has no default export, and would warn at `lib.default`.
const cjs = Reflect.get(lib, 'default') as Lib | undefined;
const resolved: Lib = cjs?.RRule ? cjs : lib;

export const RRule = resolved.RRule;

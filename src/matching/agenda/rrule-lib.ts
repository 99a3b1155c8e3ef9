// The rrule library (RFC 5545 recurrence rules) as one import. It ships an ES module, which bundlers take, and a
// CommonJS build, which Node loads (the server's .ics feeds, the tests) and whose named exports Node cannot see:
// this module hands out the same class either way. Only src/matching/agenda imports it, so the app loads it in
// the lazy chunks that show dates (agenda, sheets, orientation), never on first load.
import * as lib from 'rrule';

type Lib = typeof lib;
const resolved: Lib = (lib as unknown as { default?: Lib }).default?.RRule
  ? ((lib as unknown as { default: Lib }).default as Lib)
  : lib;

export const RRule = resolved.RRule;

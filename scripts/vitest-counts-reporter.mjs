// A vitest reporter that counts what the JSON reporter hides: vitest's JSON counts a test skipped because its
// `beforeAll` threw as merely "pending", an `afterAll` that throws after passing tests as nothing, and leaves the
// run's unhandled errors out altogether. This one writes, to the file named by BOUSSOLE_VITEST_COUNTS (vitest
// gives a custom reporter no output option from its command line), every test's outcome and every error outside a
// test, so scripts/test-counts.mjs can count each as a failure.

export default class VitestCountsReporter {
  outputFile = process.env.BOUSSOLE_VITEST_COUNTS ?? '.reports/vitest-counts.json';

  async onTestRunEnd(testModules, unhandledErrors, reason) {
    const { mkdir, writeFile } = await import('node:fs/promises');
    const { dirname } = await import('node:path');
    const report = {
      reason,
      unhandledErrors: unhandledErrors.map(firstLine),
      modules: testModules.map(describeModule),
    };
    await mkdir(dirname(this.outputFile), { recursive: true });
    await writeFile(this.outputFile, JSON.stringify(report));
  }
}

/** A module as a flat list of tests and of the suites (the module included) that carry errors of their own. */
function describeModule(module) {
  const erroring = [module, ...module.children.allSuites()].filter((entity) => entity.errors().length > 0);
  return {
    file: module.relativeModuleId,
    errors: erroring.map((entity) => ({
      suite: entity.type === 'module' ? null : entity.fullName,
      messages: entity.errors().map(firstLine),
    })),
    tests: [...module.children.allTests()].map((test) => ({
      name: test.fullName,
      state: test.result().state,
      suites: ancestors(test),
    })),
  };
}

/** Full names of the suites a test sits in, innermost last (the module is `null`). */
function ancestors(test) {
  const names = [];
  for (let parent = test.parent; parent; parent = parent.type === 'module' ? undefined : parent.parent) {
    names.unshift(parent.type === 'module' ? null : parent.fullName);
  }
  return names;
}

function firstLine(error) {
  return String(error?.message ?? error).split('\n')[0];
}

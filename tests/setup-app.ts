// App tests run against fake-indexeddb; each test opens its own database name, so no state leaks between them.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

// Without vitest globals, testing-library cannot register its own cleanup: unmount what each test rendered.
afterEach(() => cleanup());

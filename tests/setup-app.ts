// App tests run against fake-indexeddb; each test opens its own database name, so no state leaks between them.
import 'fake-indexeddb/auto';

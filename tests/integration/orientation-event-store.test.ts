import { STORE_HARNESSES } from './fixtures/store-harnesses.ts';
import { orientationEventStoreContract } from './orientation-event-store.contract.ts';

for (const [name, harness] of STORE_HARNESSES) orientationEventStoreContract(name, harness);

// index.html's first script: starts the directory's worker before the app's code loads (src/ui/pull-worker-start.ts).
import { startPullWorkerEarly } from './pull-worker-start.ts';

startPullWorkerEarly();

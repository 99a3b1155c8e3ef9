import { fr } from '../strings.ts';

export function StartupError() {
  return (
    <main class="startup-error" role="alert">
      <h1>{fr.appName}</h1>
      <p>{fr.errors.storageUnavailable}</p>
    </main>
  );
}

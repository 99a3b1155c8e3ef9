import { fr } from '../strings.ts';

export function NotFoundScreen() {
  return (
    <section>
      <h1>{fr.notFound.title}</h1>
      <p>
        <a href="/">{fr.notFound.back}</a>
      </p>
    </section>
  );
}

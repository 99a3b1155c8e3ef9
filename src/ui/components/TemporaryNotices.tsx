import { INFOS_TEMPORAIRES } from '../../domain/vocabulary.ts';
import { dateWords, weekSummary } from '../models/hours-status.ts';
import type { Notice } from '../models/service-words.ts';
import { fr } from '../strings.ts';

/** Closures, exceptional hours and messages still relevant, with their dates: the first thing a worker reads. */
export function TemporaryNotices({ notices, several }: { notices: readonly Notice[]; several: boolean }) {
  if (notices.length === 0) return null;
  return (
    <section aria-labelledby="notices-title" class="notices" data-testid="temporary-notices">
      <h2 id="notices-title">{fr.sheet.temporaryTitle}</h2>
      <ul class="plain">
        {notices.map(({ service, info, current }) => (
          <li key={`${service.id}-${info.id}`} class={`notice-item is-${info.type}${current ? ' is-current' : ''}`}>
            <p>
              <strong>{INFOS_TEMPORAIRES[info.type]}</strong>{' '}
              {info.fin
                ? fr.sheet.fromTo(dateWords(info.debut), dateWords(info.fin))
                : `${fr.sheet.from(dateWords(info.debut))}, ${fr.sheet.untilFurther}`}
            </p>
            {several && <p class="muted">{fr.sheet.noticeOf(service.nom)}</p>}
            {info.horaires && (
              <p>
                {fr.sheet.exceptionalHours} {weekSummary(info.horaires).join(' ; ')}
              </p>
            )}
            {info.message && <p>{info.message}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

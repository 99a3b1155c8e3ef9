import { INFOS_TEMPORAIRES } from '../../domain/vocabulary.ts';
import { dateWords, weekSummary } from '../text/hours-status.ts';
import type { Notice } from '../text/service-words.ts';
import { frSheet } from './strings-sheet.ts';

/** Closures, exceptional hours and messages still relevant, with their dates: the first thing a worker reads. */
export function TemporaryNotices({ notices, several }: { notices: readonly Notice[]; several: boolean }) {
  if (notices.length === 0) return null;
  return (
    <section aria-labelledby="notices-title" class="notices" data-testid="temporary-notices">
      <h2 id="notices-title">{frSheet.temporaryTitle}</h2>
      <ul class="plain">
        {notices.map(({ service, info, current }) => (
          <li key={`${service.id}-${info.id}`} class={`notice-item is-${info.type}${current ? ' is-current' : ''}`}>
            <p>
              <strong>{INFOS_TEMPORAIRES[info.type]}</strong>{' '}
              {info.fin
                ? frSheet.fromTo(dateWords(info.debut), dateWords(info.fin))
                : `${frSheet.from(dateWords(info.debut))}, ${frSheet.untilFurther}`}
            </p>
            {several && <p class="muted">{frSheet.noticeOf(service.nom)}</p>}
            {info.horaires && (
              <p>
                {frSheet.exceptionalHours} {weekSummary(info.horaires).join(' ; ')}
              </p>
            )}
            {info.message && <p>{info.message}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

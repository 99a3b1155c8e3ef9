// The orientation hint as a French sentence: « Prochain atelier cuisine jeudi à 14h à 800 m, sur inscription ».
import { TYPES_ACTION } from '../../domain/vocabulary.ts';
import type { ActionHint } from '../../matching/agenda/hints.ts';
import { frAgenda } from '../agenda/strings-agenda.ts';
import { distance, when } from './fr-format.ts';

export function actionHintText(hint: ActionHint, now: number): string {
  const kind = TYPES_ACTION[hint.type].toLocaleLowerCase('fr');
  const sentence = frAgenda.agenda.hint(
    kind,
    when(hint.start, now),
    hint.distance_km === null ? null : distance(hint.distance_km),
  );
  return hint.inscription_requise ? `${sentence}, ${frAgenda.agenda.hintRegistration}` : sentence;
}

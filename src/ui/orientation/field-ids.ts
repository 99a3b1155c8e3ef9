// The element each profile field starts at, so "Préciser …" can bring the worker back to it, keyboard focus
// included. A fieldset gets focus on its first control.
import type { ProfileField } from '../../matching/reasons.ts';

export const FIELD_IDS: Record<ProfileField, string> = {
  lieu: 'o-commune',
  code_qpv: 'o-qpv',
  age: 'o-age',
  genre: 'o-genre',
  foyer: 'o-adults',
  situation_familiale: 'o-situation-familiale',
  situation_administrative: 'o-situation-administrative',
  ressources: 'o-ressources',
  mobilite: 'o-mobilite',
  langues: 'o-langues',
  regimes: 'o-regimes',
  peut_cuisiner: 'o-peut-cuisiner',
  disponibilites: 'o-jours',
  urgence: 'o-urgence',
  emploi: 'o-emploi',
  handicap: 'o-handicap',
  budget: 'o-budget',
};

export function focusElement(id: string): boolean {
  const element = document.getElementById(id);
  if (!element) return false;
  const target =
    element instanceof HTMLFieldSetElement ? element.querySelector<HTMLElement>('input, button, select') : element;
  if (!target) return false;
  target.focus();
  target.scrollIntoView?.({ block: 'center' });
  return true;
}

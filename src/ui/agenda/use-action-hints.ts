// The « prochain atelier » hints of an orientation's results: computed on the device from the person,
// the programme and the partners, once per change of any of them. Without the programme (not loaded yet, or not
// wired in a test) there is simply no hint.
import { useMemo } from 'preact/hooks';
import type { Profile } from '../../domain/profile.ts';
import { type ActionHint, actionHintsByStructure } from '../../matching/agenda/hints.ts';
import { derivePerson } from '../../matching/person.ts';
import type { CatalogModel } from '../directory/catalog-model.ts';
import type { AgendaModel } from './agenda-model.ts';
import { useAgenda } from './use-agenda.ts';

const none = () => Promise.resolve(null as unknown as AgendaModel);

export function useActionHints(
  programme: (() => Promise<AgendaModel>) | undefined,
  profile: Profile,
  catalog: CatalogModel | null,
  now: number,
): ReadonlyMap<string, ActionHint> {
  const model = useAgenda(programme ?? none);
  const actions = model?.actions.value ?? null;
  const structures = catalog?.snapshot.value?.structures;
  return useMemo(() => {
    if (!actions || actions.length === 0 || !structures) return new Map<string, ActionHint>();
    return actionHintsByStructure(derivePerson(profile), actions, (id) => structures.get(id), now);
  }, [actions, structures, profile, Math.floor(now / 60_000)]);
}

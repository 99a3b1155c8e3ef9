// Hours in one place: a service without its own `horaires_accueil` keeps the hours of its structure's reception
// (« mêmes horaires que l'accueil », the default of a new service), so that a partner changes its hours once and
// every service sharing them follows. Absent (never `null`, never a copy) is how a record says it inherits: records
// written before this rule already mean it, and older apps read the same shape.

interface WithHours {
  horaires_accueil?: string | undefined;
}

/** The OSM hours that apply to the service: its own, else its structure's; undefined when neither has any. */
export function effectiveHours(service: WithHours, structure: WithHours | null | undefined): string | undefined {
  return service.horaires_accueil ?? structure?.horaires_accueil ?? undefined;
}

/** Whether the hours shown for a service are the structure's reception hours (it has none of its own). */
export function inheritsHours(service: WithHours): boolean {
  return service.horaires_accueil === undefined;
}

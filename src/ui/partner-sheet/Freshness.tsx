import { Badge } from '../components/Badge.tsx';
import type { Freshness as FreshnessValue } from '../text/freshness.ts';

/** "Vérifié il y a 3 mois par …", flagged when a verification is due or the listing is obsolete. */
export function Freshness({ freshness }: { freshness: FreshnessValue }) {
  return (
    <p class={`freshness is-${freshness.state}`} data-testid="freshness">
      {freshness.text}
      {freshness.flag && (
        <>
          {' '}
          <Badge as="strong" tone={freshness.state === 'obsolete' ? 'danger' : 'warning'}>
            {freshness.flag}
          </Badge>
        </>
      )}
    </p>
  );
}

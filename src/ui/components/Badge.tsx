import type { ComponentChildren } from 'preact';
import type { ReferralStatus } from '../../domain/referral.ts';

/**
 * The tones a status takes. Each has its own colour, border and icon, and the word is always written: a status
 * is never told by colour alone (every pair of ink and background is above 4.5:1).
 */
export type BadgeTone = 'info' | 'received' | 'success' | 'danger' | 'warning' | 'neutral' | 'waiting' | 'restricted';

const ICONS: Record<BadgeTone, string> = {
  // paper plane
  info: 'M22 2 11 13M22 2l-7 20-4-9-9-4 20-7z',
  // inbox
  received: 'M22 12h-6l-2 3h-4l-2-3H2M5.5 5h13L22 12v6a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2v-6z',
  // check
  success: 'M20 6 9 17l-5-5',
  // cross in a circle
  danger: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM15 9l-6 6M9 9l6 6',
  // exclamation in a triangle
  warning: 'M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0zM12 9v4M12 17h.01',
  // circle with a slash
  neutral: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM4.9 4.9l14.2 14.2',
  // clock
  waiting: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM12 6v6l4 2',
  // padlock
  restricted: 'M5 11h14v10H5zM8 11V7a4 4 0 0 1 8 0v4',
};

/** A status as a small label: icon, word and colour together (one component for every status shown). */
export function Badge({
  tone,
  children,
  testId,
  as = 'span',
}: {
  tone: BadgeTone;
  children: ComponentChildren;
  testId?: string;
  as?: 'span' | 'p' | 'strong';
}) {
  const Tag = as;
  return (
    <Tag class={`badge badge-${tone}`} data-testid={testId}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" class="icon badge-icon">
        <path d={ICONS[tone]} />
      </svg>
      <span>{children}</span>
    </Tag>
  );
}

/** The tone of each referral status; a change still waiting for the network is `waiting`, a refusal `danger`. */
export const REFERRAL_TONES: Record<ReferralStatus, BadgeTone> = {
  envoyee: 'info',
  recue: 'received',
  acceptee: 'success',
  refusee: 'danger',
  annulee: 'neutral',
  expiree: 'neutral',
};

// A status is told by a colour, an icon and its word together: « Envoyée » and « Acceptée » no longer look alike.
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { STATUTS_ORIENTATION } from '../../domain/vocabulary.ts';
import { Badge, REFERRAL_TONES } from './Badge.tsx';

describe('les badges de statut', () => {
  it('donnent à chaque statut d’orientation ouvert ou répondu sa couleur et son icône, avec le mot', () => {
    const looks = new Map<string, string>();
    for (const [status, word] of Object.entries(STATUTS_ORIENTATION)) {
      const { container, unmount } = render(
        <Badge tone={REFERRAL_TONES[status as keyof typeof STATUTS_ORIENTATION]}>{word}</Badge>,
      );
      const badge = container.firstElementChild as HTMLElement;
      expect(badge.textContent).toBe(word);
      expect(badge.querySelector('svg[aria-hidden="true"] path')?.getAttribute('d')).toBeTruthy();
      looks.set(status, `${badge.className} ${badge.querySelector('path')?.getAttribute('d')}`);
      unmount();
    }
    const distinct = ['envoyee', 'recue', 'acceptee', 'refusee', 'annulee'].map((s) => looks.get(s));
    expect(new Set(distinct).size).toBe(distinct.length);
  });
});

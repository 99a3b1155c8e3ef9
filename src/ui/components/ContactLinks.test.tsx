// Phone numbers and e-mail addresses on screen call or write in one tap, also inside a free text.
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ContactLinks, ContactText } from './ContactLinks.tsx';

describe('les coordonnées à l’écran', () => {
  it('font d’un téléphone un lien tel: et d’un courriel un lien mailto:', () => {
    render(<ContactLinks telephone="04 00 12 34 56" courriel="accueil@example.org" />);
    const hrefs = screen.getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['tel:0400123456', 'mailto:accueil@example.org']);
  });

  it('trouvent les téléphones et courriels d’un texte libre, et laissent le reste tel quel', () => {
    const { container } = render(
      <ContactText text="Inscription au 04 00 12 34 56 ou +33 6 12 34 56 78, ou à accueil@example.org, avant jeudi" />,
    );
    expect(screen.getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['04 00 12 34 56', 'tel:0400123456'],
      ['+33 6 12 34 56 78', 'tel:+33612345678'],
      ['accueil@example.org', 'mailto:accueil@example.org'],
    ]);
    expect(container.textContent).toBe(
      'Inscription au 04 00 12 34 56 ou +33 6 12 34 56 78, ou à accueil@example.org, avant jeudi',
    );
  });
});

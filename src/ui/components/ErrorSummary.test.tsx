// The forms' error summary: after a failed submit the focus is on the summary (« Le formulaire contient N
// erreurs »), each error is a link named by its field's label that takes the focus to that field, and each field
// keeps its own message (aria-invalid, aria-describedby).
import { fireEvent, render, screen } from '@testing-library/preact';
import { useRef, useState } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { ErrorSummary } from './ErrorSummary.tsx';
import { TextField } from './FormFields.tsx';
import { useFocusFirstError } from './use-focus-first-error.ts';

/** A form as the app's are built: the summary on top, the fields with their messages, the hook on the form. */
function Form() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failures, setFailures] = useState(0);
  const [nom, setNom] = useState('');
  const [age, setAge] = useState('');
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstError(ref, failures);
  return (
    <form
      ref={ref}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const found: Record<string, string> = {};
        // Found in another order than the form's: the summary follows the form.
        if (!/^\d+$/.test(age)) found['personne.age'] = 'Nombre attendu';
        if (!nom.trim()) found.nom = 'Champ obligatoire';
        setErrors(found);
        if (Object.keys(found).length > 0) setFailures((n) => n + 1);
      }}
    >
      <ErrorSummary errors={errors} />
      <TextField path="nom" label="Nom de la personne" value={nom} onInput={setNom} error={errors.nom} />
      <TextField
        path="personne.age"
        label="Âge"
        inputMode="numeric"
        value={age}
        onInput={setAge}
        error={errors['personne.age']}
      />
      <button type="submit">Envoyer</button>
    </form>
  );
}

describe('le résumé des erreurs d’un formulaire', () => {
  it('prend le focus après un envoi refusé, compte les erreurs et nomme chaque champ par son libellé, dans l’ordre du formulaire', async () => {
    render(<Form />);
    fireEvent.input(screen.getByLabelText('Âge'), { target: { value: 'douze' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    const title = await screen.findByRole('heading', { name: 'Le formulaire contient 2 erreurs' });
    const summary = title.closest('[data-error-summary]');
    expect(document.activeElement).toBe(summary);
    expect(screen.getByRole('alert').contains(title)).toBe(true);
    expect(screen.getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Nom de la personne : Champ obligatoire',
      'Âge : Nombre attendu',
    ]);
    expect(screen.getByRole('link', { name: 'Âge : Nombre attendu' }).getAttribute('href')).toBe('#f-personne-age');
  });

  it('mène chaque lien au champ, qui garde son message à côté de lui', async () => {
    render(<Form />);
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    fireEvent.click(await screen.findByRole('link', { name: 'Âge : Nombre attendu' }));
    const age = screen.getByLabelText('Âge');
    expect(document.activeElement).toBe(age);
    expect(age.getAttribute('aria-invalid')).toBe('true');
    const described = (age.getAttribute('aria-describedby') ?? '').split(' ');
    expect(described.map((id) => document.getElementById(id)?.textContent)).toEqual(['Nombre attendu']);
    expect(age.getAttribute('inputmode')).toBe('numeric');
  });

  it('dit « 1 erreur » au singulier et disparaît quand tout est corrigé', async () => {
    render(<Form />);
    fireEvent.input(screen.getByLabelText('Âge'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    const title = await screen.findByRole('heading', { name: 'Le formulaire contient 1 erreur' });
    expect(title.textContent).toBe('Le formulaire contient 1 erreur');
    fireEvent.input(screen.getByLabelText('Nom de la personne'), { target: { value: 'Awa' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

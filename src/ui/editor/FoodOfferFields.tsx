import { CHOIX_PRODUITS, MODES_REMISE, PRODUITS_ALIMENTAIRES } from '../../domain/food-offer.ts';
import { REGIMES } from '../../domain/vocabulary.ts';
import { CheckboxGroup, fieldId } from '../components/FormFields.tsx';
import { CHOIX_LABELS, frFood, MODES_REMISE_LABELS, PRODUITS_LABELS } from '../text/strings-food.ts';
import type { ServiceEditor } from './service-editor-model.ts';
import { PATHS, type ServiceForm } from './service-form.ts';

const F = frFood.editor;
type Diet = ServiceForm['regimes'][number];
type Product = ServiceForm['produits'][number] | 'bebe';

/**
 * « L'alimentation proposée » in the service editor: the products, the choice the person has, how the food is
 * handed over, and the diets it caters for. Baby food is ticked among the products but kept where the matcher
 * reads it, in the service's diets (`regimes`), so it has one name.
 */
export function FoodOfferFields({ editor }: { editor: ServiceEditor }) {
  const v = editor.values.value as ServiceForm;
  const errors = editor.errors.value;
  const products: Array<[Product, string]> = [
    ...PRODUITS_ALIMENTAIRES.map((p): [Product, string] => [p, PRODUITS_LABELS[p]]),
    ['bebe', F.bebe],
  ];
  const selectedProducts: Product[] = [...v.produits, ...(v.regimes.includes('bebe') ? (['bebe'] as const) : [])];
  const diets = (Object.entries(REGIMES) as Array<[Diet, string]>).filter(([d]) => d !== 'bebe');
  const choiceId = fieldId(PATHS.choix);
  return (
    <fieldset class="form-section" data-testid="food-offer-fields">
      <legend>{F.legend}</legend>
      <p class="hint">{F.intro}</p>
      <CheckboxGroup
        path={PATHS.produits}
        legend={F.produits}
        options={products}
        selected={selectedProducts}
        error={errors[PATHS.produits]}
        onChange={(next) => {
          editor.set(
            'produits',
            PRODUITS_ALIMENTAIRES.filter((p) => next.includes(p)),
            PATHS.produits,
          );
          const baby = next.includes('bebe');
          const regimes = v.regimes.filter((d) => d !== 'bebe');
          editor.set('regimes', baby ? [...regimes, 'bebe'] : regimes, PATHS.regimes);
        }}
      />
      <fieldset class="choices" aria-describedby={errors[PATHS.choix] ? `${choiceId}-error` : undefined}>
        <legend>{F.choix}</legend>
        {(['', ...CHOIX_PRODUITS] as const).map((c, i) => (
          <label class="check" key={c || 'none'}>
            <input
              type="radio"
              name="food-choice"
              id={i === 0 ? choiceId : `${choiceId}-${c}`}
              checked={v.choix === c}
              onChange={() => editor.set('choix', c, PATHS.choix)}
            />
            {c === '' ? F.choixNonDit : CHOIX_LABELS[c]}
          </label>
        ))}
        {errors[PATHS.choix] && (
          <p class="field-error" id={`${choiceId}-error`}>
            {errors[PATHS.choix]}
          </p>
        )}
      </fieldset>
      <CheckboxGroup
        path={PATHS.modes_remise}
        legend={F.modes}
        options={MODES_REMISE.map((m) => [m, MODES_REMISE_LABELS[m]] as const)}
        selected={v.modes_remise}
        error={errors[PATHS.modes_remise]}
        onChange={(next) => editor.set('modes_remise', next, PATHS.modes_remise)}
      />
      <CheckboxGroup
        path={PATHS.regimes}
        legend={F.regimes}
        options={diets}
        selected={v.regimes.filter((d) => d !== 'bebe')}
        error={errors[PATHS.regimes]}
        onChange={(next) =>
          editor.set('regimes', [...next, ...(v.regimes.includes('bebe') ? (['bebe'] as const) : [])], PATHS.regimes)
        }
      />
    </fieldset>
  );
}

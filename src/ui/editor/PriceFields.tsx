import { priceText } from '../../domain/price-words.ts';
import { PERIODES_ADHESION, TARIFS, UNITES_PRIX } from '../../domain/vocabulary.ts';
import { SelectField, TextField } from '../components/FormFields.tsx';
import { PRICE_PATHS, type PriceForm, tarifOf } from './price-form.ts';
import type { ServiceEditor } from './service-editor-model.ts';
import { frPrice } from './strings-price.ts';

const P = frPrice;
const entries = <T extends string>(table: Readonly<Record<T, string>>) => Object.entries(table) as Array<[T, string]>;

/**
 * What the service costs: the kind of price, then what a person pays (amount, what for, instead of what), the
 * share of the shop price for an épicerie, a membership, the partner's own words, and the sentence people will
 * read, updated as the partner types.
 */
export function PriceFields({ editor }: { editor: ServiceEditor }) {
  const v = editor.values.value as PriceForm;
  const errors = editor.errors.value;
  const text = (key: keyof PriceForm, label: string, hint?: string) => (
    <TextField
      path={PRICE_PATHS[key]}
      label={label}
      hint={hint}
      inputMode="decimal"
      value={v[key]}
      error={errors[PRICE_PATHS[key]]}
      onInput={(value) => editor.set(key, value as never, PRICE_PATHS[key])}
    />
  );
  const select = <K extends keyof PriceForm>(
    key: K,
    label: string,
    options: ReadonlyArray<readonly [string, string]>,
  ) => (
    <SelectField
      path={PRICE_PATHS[key]}
      label={label}
      value={v[key]}
      options={options}
      error={errors[PRICE_PATHS[key]]}
      onChange={(value) => editor.set(key, value as never, PRICE_PATHS[key])}
    />
  );
  const type = v.tarif_type;
  return (
    <fieldset class="form-section">
      <legend>{P.legend}</legend>
      {select('tarif_type', P.type, entries(TARIFS))}
      {type !== 'gratuit' && (
        <>
          <div class="field-row">
            {text('tarif_montant', P.amount, P.amountHint)}
            {select('tarif_unite', P.unit, [['', P.noUnit], ...UNITES_PRIX.map((u) => [u, P.units[u]] as const)])}
          </div>
          {text('tarif_reference', P.reference, P.referenceHint)}
          {type === 'solidaire' && (
            <div class="field-row">
              {text('tarif_min', P.percentMin)}
              {text('tarif_max', P.percentMax)}
            </div>
          )}
          <div class="field-row">
            {text('tarif_adhesion', P.membership)}
            {select(
              'tarif_adhesion_periode',
              P.membershipPeriod,
              PERIODES_ADHESION.map((p) => [p, P.periods[p]] as const),
            )}
          </div>
        </>
      )}
      <TextField
        path={PRICE_PATHS.tarif_precisions}
        label={type === 'solidaire' ? P.precisionsSolidaire : P.precisions}
        value={v.tarif_precisions}
        error={errors[PRICE_PATHS.tarif_precisions]}
        onInput={(value) => editor.set('tarif_precisions', value, PRICE_PATHS.tarif_precisions)}
      />
      <div class="price-preview" data-testid="price-preview">
        <p>{P.preview}</p>
        <p aria-live="polite">
          <strong>{priceText(tarifOf(v, null))}</strong>
        </p>
      </div>
    </fieldset>
  );
}

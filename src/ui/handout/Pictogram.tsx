import type { FoodCategoryValue } from '../../domain/vocabulary.ts';
import { LineIcon } from '../components/LineIcon.tsx';

// Pictograms of the person's sheet, drawn inline (no download, no icon font: the sheet prints offline). Each stands
// beside a text that says the same thing, so it is hidden from screen readers. Strokes in currentColor: black on
// paper, in the text's colour on screen.
const PATHS = {
  pin: 'M12 21s7-6.2 7-11.5a7 7 0 0 0-14 0C5 14.8 12 21 12 21zM12 7a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
  phone: 'M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A17 17 0 0 1 3 5a2 2 0 0 1 2-2z',
  mail: 'M3 5h18v14H3zM3 6l9 7 9-7',
  clock: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3.5 2',
  calendar: 'M3 5h18v16H3zM3 10h18M8 3v4M16 3v4M7 14h2M11 14h2M15 14h2M7 17.5h2M11 17.5h2',
  route: 'M6 17a2 2 0 1 0 0 4 2 2 0 0 0 0-4zM18 3a2 2 0 1 0 0 4 2 2 0 0 0 0-4zM8 19h8a3 3 0 0 0 0-6H8a3 3 0 0 1 0-6h8',
  document: 'M6 2h9l5 5v15H6zM14 2v6h6M9 13h8M9 17h8',
  door: 'M3 21h18M6 21V3h12v18M14.5 12v.5',
  price: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM15.5 8.5a4.5 4.5 0 1 0 0 7M7 10.8h6M7 13.4h6',
  warning: 'M12 3 2 20h20zM12 10v4.5M12 17v.5',
  basket: 'M3 9h18l-2 11H5zM8 9l4-6 4 6M9 13v4M15 13v4',
  parcel: 'M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10',
  meal: 'M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10zM3 3v6a2 2 0 0 0 2 2v10M5 3v5M21 3c-2 1-2.5 4-2.5 8H21v10',
  pot: 'M4 10h16v6a4 4 0 0 1-4 4H8a4 4 0 0 1-4-4zM2 10h20M9 7c0-1.5 1.5-1.5 1.5-3M14 7c0-1.5 1.5-1.5 1.5-3',
  fridge: 'M6 2h12v20H6zM6 9h12M9 5v2M9 12v3',
  ticket: 'M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4zM10 7v2M10 11v2M10 15v2',
  sprout: 'M12 21v-9M12 12c0-4-3-6-7-6 0 4 3 6 7 6zM12 10c0-3 2-5 6-5 0 3-2 5-6 5zM6 21h12',
  drop: 'M12 3s6 7 6 11a6 6 0 0 1-12 0c0-4 6-11 6-11z',
  apple: 'M12 7c-3-2-8-1-8 5s4 9 6 9c1 0 1.5-.5 2-.5s1 .5 2 .5c2 0 6-3 6-9s-5-7-8-5zM12 7c0-2 1-4 3-4',
  info: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 11v6M12 7v.5',
} as const;

export type PictogramName = keyof typeof PATHS;

/** One pictogram per food category, by what the person will find there. */
export const CATEGORY_PICTOGRAMS: Record<FoodCategoryValue, PictogramName> = {
  food_distribution: 'meal',
  food_packages: 'parcel',
  social_grocery_stores: 'basket',
  solidarity_fridge: 'fridge',
  shared_kitchen: 'pot',
  cooking_workshop: 'pot',
  baby_parcel: 'parcel',
  food_voucher: 'ticket',
  community_garden: 'sprout',
  fountain: 'drop',
  buying_group: 'basket',
  solidarity_basket: 'apple',
  solidarity_restaurant: 'meal',
  shared_meal: 'meal',
  nutrition_awareness: 'info',
};

export function Pictogram({ name }: { name: PictogramName }) {
  return <LineIcon name={name} d={PATHS[name]} />;
}

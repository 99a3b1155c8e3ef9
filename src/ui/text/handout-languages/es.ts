// The person's handout in Spanish (easy to read: short sentences, everyday words, « usted »). Typed against the
// French file.
import { sentences } from '../../../domain/price-words.ts';
import { priceNumbers } from '../handout-format.ts';
import type { DateParts, HandoutWords, Months, Week } from './fr.ts';

const n = priceNumbers('es');

export const es: HandoutWords = {
  title: 'Direcciones para conseguir comida',
  forPerson: (name) => `Para ${name}`,
  madeOn: (date) => `Hoja preparada el ${date}.`,
  callFirst: 'Si tiene dudas, llame antes de ir.',
  category: {
    food_distribution: 'Reparto de comidas',
    food_packages: 'Paquetes de alimentos',
    social_grocery_stores: 'Tienda solidaria (comida a precio bajo)',
    solidarity_fridge: 'Nevera solidaria (comida gratis)',
    shared_kitchen: 'Cocina compartida',
    cooking_workshop: 'Taller de cocina',
    baby_parcel: 'Paquetes para bebés',
    food_voucher: 'Vales de comida',
    community_garden: 'Huerto compartido',
    fountain: 'Agua potable',
    buying_group: 'Compra en grupo (comida a precio bajo)',
    solidarity_basket: 'Cestas de frutas y verduras',
    solidarity_restaurant: 'Restaurante solidario (precio bajo)',
    shared_meal: 'Comida compartida',
    nutrition_awareness: 'Aprender a comer bien',
  },
  hours: 'Horario',
  receptionHours: 'Horario de la recepción',
  nextOpenings: 'Próximos días de apertura',
  everyWeek: 'Cada semana',
  noHours: 'Horario desconocido: llame antes de ir.',
  closed: (from, to) => (to ? `Cerrado del ${from} al ${to}.` : `Cerrado desde el ${from}, hasta nuevo aviso.`),
  exceptional: (from, to) => (to ? `Horario especial del ${from} al ${to}.` : `Horario especial desde el ${from}.`),
  slot: (from, to) => `${from}\u00a0– ${to}`,
  opening: (date, slots) => `${date}, ${slots}`,
  oneDay: (day) => day,
  dayRange: (from, to) => `de ${from} a ${to}`,
  someDays: (day) => `${day} (solo algunas semanas)`,
  weekly: (days, slots) => `${days}: ${slots}`,
  listSeparator: ', ',
  howToGo: 'Cómo llegar',
  distance: (d, approximate) => `A ${approximate ? 'unos ' : ''}${d} de donde vive (en línea recta).`,
  stepFree: 'Entrada sin escalones (silla de ruedas).',
  toBring: 'Qué llevar',
  documents: {
    'piece-identite': 'Documento de identidad, pasaporte o permiso de residencia',
    'justificatif-domicile': 'Justificante de domicilio o certificado de alojamiento',
    'attestation-caf': 'Certificado de la CAF (ayudas familiares) o su quotient familial',
    'avis-imposition': 'Notificación de impuestos (avis d’imposition)',
    'justificatif-ressources': 'Justificantes de ingresos de los últimos 3 meses',
    'carte-adherent': 'Carné de socio',
  },
  nothingToBring: 'No hace falta ningún papel.',
  welcome: 'Cómo le atienden',
  ficheSent: 'Hace falta una ficha de derivación (fiche de liaison). La envía su trabajador o trabajadora social.',
  ficheBrought:
    'Hace falta una ficha de derivación (fiche de liaison). La rellena su trabajador o trabajadora social. Llévela con usted.',
  ficheEither:
    'Hace falta una ficha de derivación (fiche de liaison). La envía su trabajador o trabajadora social, o la lleva usted.',
  referralOnly: 'Tiene que enviarle un trabajador o una trabajadora social.',
  appointment: 'Solo con cita: llame antes de ir.',
  registration: 'Tiene que inscribirse antes.',
  direct: 'Puede ir directamente.',
  price: 'Precio',
  priceWords: {
    types: { gratuit: 'Gratis', solidaire: 'Precio bajo', payant: 'De pago' },
    euros: n.euros,
    amount: (paid, unit) =>
      unit
        ? {
            panier: `Cesta a ${paid}`,
            repas: `Comida a ${paid}`,
            colis: `Paquete de alimentos a ${paid}`,
            seance: `Sesión a ${paid}`,
            passage: `${paid} cada vez que va`,
            kilo: `${paid} el kilo`,
            semaine: `${paid} a la semana`,
            mois: `${paid} al mes`,
          }[unit]
        : paid,
    insteadOf: (amount, reference) => `${amount} en lugar de ${reference}`,
    share: (min, max) =>
      min === undefined
        ? `Usted paga hasta el ${n.percent(max ?? 0)} del precio de la tienda`
        : max === undefined
          ? `Usted paga al menos el ${n.percent(min)} del precio de la tienda`
          : min === max
            ? `Usted paga el ${n.percent(min)} del precio de la tienda`
            : `Usted paga del ${n.percent(min)} al ${n.percent(max)} del precio de la tienda`,
    membership: (amount, period) =>
      `Cuota de socio: ${amount} ${{ mois: 'al mes', an: 'al año', unique: '(se paga una sola vez)' }[period]}`,
    labelled: (label, text) => `${label}: ${text}`,
    join: sentences('.'),
  },
  qrCaption: 'Escanee el código para guardar la dirección y el teléfono en sus contactos.',
  seeFrench: 'Más información de la entidad, en francés.',
  days: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'] as Week,
  months: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ] as Months,
  date: ({ weekday, day, month, year }: DateParts) =>
    `${weekday ? `${weekday}, ` : ''}${day} de ${month}${year === undefined ? '' : ` de ${year}`}`,
};

// The person's handout in Portuguese (European Portuguese, as most Portuguese speakers in Lyon; easy to read:
// short sentences, everyday words). Typed against the French file.
import { sentences } from '../../../domain/price-words.ts';
import { priceNumbers } from '../handout-format.ts';
import type { DateParts, HandoutWords, Months, Week } from './fr.ts';

const n = priceNumbers('pt-PT');

export const pt: HandoutWords = {
  title: 'Moradas para obter comida',
  forPerson: (name) => `Para ${name}`,
  madeOn: (date) => `Folha preparada em ${date}.`,
  callFirst: 'Se tiver dúvidas, ligue antes de ir.',
  category: {
    food_distribution: 'Distribuição de refeições',
    food_packages: 'Cabazes de alimentos',
    social_grocery_stores: 'Mercearia solidária (comida a preço baixo)',
    solidarity_fridge: 'Frigorífico solidário (comida grátis)',
    shared_kitchen: 'Cozinha partilhada',
    cooking_workshop: 'Oficina de cozinha',
    baby_parcel: 'Cabazes para bebé',
    food_voucher: 'Vales de alimentação',
    community_garden: 'Horta comunitária',
    fountain: 'Água potável',
    buying_group: 'Compras em grupo (comida a preço baixo)',
    solidarity_basket: 'Cabazes de fruta e legumes',
    solidarity_restaurant: 'Restaurante solidário (preço baixo)',
    shared_meal: 'Refeição partilhada',
    nutrition_awareness: 'Aprender a comer bem',
  },
  hours: 'Horário',
  receptionHours: 'Horário da receção',
  nextOpenings: 'Próximos dias de abertura',
  everyWeek: 'Todas as semanas',
  noHours: 'Horário desconhecido: ligue antes de ir.',
  closed: (from, to) => (to ? `Fechado de ${from} a ${to}.` : `Fechado a partir de ${from}, até novo aviso.`),
  exceptional: (from, to) => (to ? `Horário especial de ${from} a ${to}.` : `Horário especial a partir de ${from}.`),
  slot: (from, to) => `${from}\u00a0– ${to}`,
  opening: (date, slots) => `${date}, ${slots}`,
  oneDay: (day) => day,
  dayRange: (from, to) => `de ${from} a ${to}`,
  someDays: (day) => `${day} (só em algumas semanas)`,
  weekly: (days, slots) => `${days}: ${slots}`,
  listSeparator: ', ',
  howToGo: 'Como lá chegar',
  distance: (d, approximate) => `A ${approximate ? 'cerca de ' : ''}${d} de onde vive (em linha reta).`,
  stepFree: 'Entrada sem degraus (cadeira de rodas).',
  toBring: 'O que levar',
  documents: {
    'piece-identite': 'Documento de identidade, passaporte ou autorização de residência',
    'justificatif-domicile': 'Comprovativo de morada ou declaração de alojamento',
    'attestation-caf': 'Declaração da CAF (abonos de família) ou o seu quotient familial',
    'avis-imposition': 'Nota de impostos (avis d’imposition)',
    'justificatif-ressources': 'Comprovativos de rendimentos dos últimos 3 meses',
    'carte-adherent': 'Cartão de sócio',
  },
  nothingToBring: 'Não precisa de levar nenhum papel.',
  welcome: 'Como ser atendido',
  ficheSent: 'É necessária uma ficha de encaminhamento (fiche de liaison). O seu assistente social envia-a.',
  ficheBrought:
    'É necessária uma ficha de encaminhamento (fiche de liaison). O seu assistente social preenche-a. Leve-a consigo.',
  ficheEither:
    'É necessária uma ficha de encaminhamento (fiche de liaison). O seu assistente social envia-a, ou leva-a consigo.',
  referralOnly: 'Tem de ser encaminhado por um assistente social.',
  appointment: 'Só com marcação: ligue antes de ir.',
  registration: 'Tem de se inscrever antes.',
  direct: 'Pode ir diretamente.',
  price: 'Preço',
  priceWords: {
    types: { gratuit: 'Grátis', solidaire: 'Preço baixo', payant: 'Pago' },
    euros: n.euros,
    amount: (paid, unit) =>
      unit
        ? {
            panier: `Cesto a ${paid}`,
            repas: `Refeição a ${paid}`,
            colis: `Cabaz de alimentos a ${paid}`,
            seance: `Sessão a ${paid}`,
            passage: `${paid} por cada visita`,
            kilo: `${paid} o quilo`,
            semaine: `${paid} por semana`,
            mois: `${paid} por mês`,
          }[unit]
        : paid,
    insteadOf: (amount, reference) => `${amount} em vez de ${reference}`,
    share: (min, max) =>
      min === undefined
        ? `Paga até ${n.percent(max ?? 0)} do preço da loja`
        : max === undefined
          ? `Paga pelo menos ${n.percent(min)} do preço da loja`
          : `Paga ${min === max ? n.percent(min) : `de ${n.percent(min)} a ${n.percent(max)}`} do preço da loja`,
    membership: (amount, period) =>
      `Quota de sócio: ${amount} ${{ mois: 'por mês', an: 'por ano', unique: '(paga uma só vez)' }[period]}`,
    labelled: (label, text) => `${label}: ${text}`,
    join: sentences('.'),
  },
  qrCaption: 'Leia o código para guardar a morada e o telefone nos seus contactos.',
  seeFrench: 'Mais informações da entidade, em francês.',
  days: ['segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado', 'domingo'] as Week,
  months: [
    'janeiro',
    'fevereiro',
    'março',
    'abril',
    'maio',
    'junho',
    'julho',
    'agosto',
    'setembro',
    'outubro',
    'novembro',
    'dezembro',
  ] as Months,
  date: ({ weekday, day, month, year }: DateParts) =>
    `${weekday ? `${weekday}, ` : ''}${day} de ${month}${year === undefined ? '' : ` de ${year}`}`,
};

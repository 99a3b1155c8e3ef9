// French strings of dates as the sheet and the agenda write them. Kept out of strings.ts (the shell's, on the first load): only the
// lazy screens that show them import this module.
// Orientation and recap (src/ui/orientation/); the handout has its own strings-handout.ts.
export const frWhen = {
  today: 'aujourd’hui',
  tomorrow: 'demain',
  at: (day: string, time: string) => `${day} à ${time}`,
  between: (day: string, from: string, to: string) => `${day} de ${from} à ${to}`,
} as const;

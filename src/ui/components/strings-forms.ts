// French strings of the forms' error summary (ErrorSummary.tsx). Kept beside strings.ts because only the lazy
// chunks of forms read them: in strings.ts they would ride on the first load.
export const frForms = {
  summary: {
    title: (n: number) => `Le formulaire contient ${n} ${n > 1 ? 'erreurs' : 'erreur'}`,
    intro: 'Corrigez les champs signalés ci-dessous : rien n’a été enregistré ni envoyé.',
    item: (label: string, message: string) => `${label} : ${message}`,
  },
};

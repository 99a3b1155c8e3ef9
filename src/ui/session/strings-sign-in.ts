// French strings of the Connexion screen. Kept beside strings.ts, as strings-sync.ts is, because only that screen's
// lazy chunk reads them.
export const frSignIn = {
  title: 'Connexion',
  intro:
    "Saisissez le code d'invitation reçu de la coordination. Il rattache cet appareil à votre compte ; vous pourrez ensuite travailler sans réseau.",
  codeLabel: "Code d'invitation",
  codeHint: 'Lettres, chiffres et tirets, par exemple ABCD-1234',
  submit: 'Se connecter',
  demoTitle: 'Essayer la démo',
  demoIntro: 'Ce serveur de démonstration propose un compte par rôle :',
  demoAs: (role: string) => `Essayer en tant que ${role}`,
  offline: 'La connexion demande du réseau. Vous pouvez consulter l’annuaire public hors ligne en attendant.',
  signedInAs: (nom: string, role: string | null) => `Connecté·e : ${nom}${role ? ` (${role})` : ''}`,
  pendingKept: (n: number) =>
    `${n > 1 ? `${n} envois faits hors connexion partiront` : '1 envoi fait hors connexion partira'} après la connexion.`,
  failed: (message: string) => `Connexion impossible : ${message}`,
};

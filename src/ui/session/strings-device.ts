// French strings of the notice shown after the coordination revoked this device (loaded only then).
export const frDevice = {
  revokedTitle: 'Cet appareil a été déconnecté par la coordination',
  revokedBody:
    'Ses données personnelles ont été effacées : orientations (envoyées, reçues ou en attente), orientation en cours, modifications non envoyées et session. L’annuaire public se télécharge à nouveau ; pour retrouver votre compte, demandez un nouveau code à la coordination.',
  signIn: 'Se connecter avec un nouveau code',
  dismiss: 'J’ai compris',
};

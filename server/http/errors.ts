// The error answers of the sync and session endpoints, all `ApiError` JSON with a French message (the shape of
// src/domain/api-error.ts). Messages never quote what the request carried.
import type { Context } from 'hono';
import type { ApiError } from '../../src/domain/api-error.ts';
import type { Problem } from '../../src/domain/validation.ts';

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 426 | 429;

export function apiError(c: Context, status: ErrorStatus, code: string, message: string, problems?: Problem[]) {
  const body: ApiError = { error: { code, message, ...(problems ? { problems } : {}) } };
  return c.json(body, status);
}

/** No valid device token: the device keeps its outbox and asks the person to sign in again. */
export function unauthenticated(c: Context) {
  return apiError(
    c,
    401,
    'unauthenticated',
    'Appareil non connecté ou déconnecté (jeton inconnu ou révoqué) : reconnectez-vous. Vos modifications en attente sont conservées.',
  );
}

/** Revoked by the coordination (or its account disabled): the device erases its personal data (src/sync). */
export function deviceRevoked(c: Context) {
  return apiError(
    c,
    401,
    'device_revoked',
    'Cet appareil a été déconnecté par la coordination : ses données personnelles doivent être effacées.',
  );
}

/** Unused for longer than the configured period: sign in again; nothing is erased. */
export function sessionExpired(c: Context) {
  return apiError(
    c,
    401,
    'session_expired',
    'Connexion expirée faute d’utilisation : reconnectez-vous avec un nouveau code. Vos modifications en attente sont conservées.',
  );
}

export function forbidden(c: Context, message: string) {
  return apiError(c, 403, 'forbidden', message);
}

export function clientOutdated(c: Context) {
  return apiError(
    c,
    426,
    'client_outdated',
    'Cette version de Boussole est trop ancienne pour ce serveur : rechargez l’application pour la mettre à jour. Vos modifications en attente sont conservées.',
  );
}

export function payloadTooLarge(c: Context, maxBytes: number) {
  const size = maxBytes >= 1024 * 1024 ? `${maxBytes / (1024 * 1024)} Mio` : `${maxBytes / 1024} Kio`;
  return apiError(c, 413, 'payload_too_large', `Requête trop volumineuse (au plus ${size}).`);
}

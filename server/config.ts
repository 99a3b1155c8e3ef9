// The server's configuration comes from the environment only (twelve-factor): nothing to edit to run it, and the
// same build runs on a laptop (`npm start`) and behind a reverse proxy.
import * as z from 'zod/mini';
import { DEFAULT_REFERRAL_POLICY, type ReferralPolicy } from '../src/domain/referral.ts';
import { describeProblems, parse } from '../src/domain/validation.ts';
import { DEFAULT_TOKEN_IDLE_DAYS } from './auth/device-expiry.ts';

export interface ServerConfig {
  /** 0 asks the OS for a free port (tests); the real port is printed once listening. */
  port: number;
  host: string;
  /** SQLite file; its directory is created if missing. ':memory:' for a throw-away database. */
  dbPath: string;
  /**
   * `BOUSSOLE_DATABASE_URL=postgres://…`: the store is on that PostgreSQL database instead of the SQLite file
   * (several server instances may share it); unset, SQLite as by default.
   */
  databaseUrl?: string;
  /** Built PWA (vite build). When absent, the API works and pages answer 503 "run npm run build". */
  staticDir: string;
  /**
   * `demo` (what `npm start` runs): seeds the demo directory and one reusable invitation code per role, prints
   * the codes, serves them at /api/v1/demo. `production` (the default): none of that, demo codes are refused.
   */
  mode: ServerMode;
  /**
   * Demo mode only: how many services the generated demo directory has on first start (default: the generator's,
   * 600). Benchmarks seed 10,000 with `BOUSSOLE_DEMO_SERVICES=10000`, and a national directory with 500,000 (at most a
   * million); a database already seeded keeps its size.
   */
  demoServices?: number;
  /** Referrals: reminder, expiry without answer and retention after closing, in days (default 10, 30, 90). */
  referralPolicy: ReferralPolicy;
  /**
   * Behind a reverse proxy that appends the client's address to X-Forwarded-For (default false): sign-in limits
   * then count per that address instead of the socket's, which is the proxy's (http/client-address.ts).
   */
  behindProxy: boolean;
  /** A device token unused for this many days stops working; each use renews it (default 90). */
  tokenIdleDays: number;
  /**
   * Mail (`BOUSSOLE_SMTP_URL`, `BOUSSOLE_MAIL_FROM`): invitations and notifications without personal data. Absent:
   * no mail is written or sent, and the app says so where a notification would be expected.
   */
  mail?: {
    smtpUrl: string;
    from: string;
    /** The app's address as people reach it (`BOUSSOLE_PUBLIC_URL`, no trailing slash): the links in messages. */
    appUrl: string;
  };
}

export const SERVER_MODES = ['demo', 'production'] as const;
export type ServerMode = (typeof SERVER_MODES)[number];

const days = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(3650));

const envSchema = z.object({
  PORT: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(65535)), 8080),
  HOST: z._default(z.string().check(z.minLength(1)), '0.0.0.0'),
  BOUSSOLE_DB: z._default(z.string().check(z.minLength(1)), 'data/boussole.sqlite'),
  BOUSSOLE_DATABASE_URL: z.optional(
    z.string().check(z.regex(/^postgres(ql)?:\/\/\S+$/, 'adresse postgres://… attendue (identifiants compris)')),
  ),
  BOUSSOLE_STATIC: z._default(z.string().check(z.minLength(1)), 'dist'),
  BOUSSOLE_MODE: z._default(z.enum(SERVER_MODES), 'production'),
  BOUSSOLE_DEMO_SERVICES: z.optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(1_000_000))),
  BOUSSOLE_REFERRAL_REMINDER_DAYS: z._default(days, DEFAULT_REFERRAL_POLICY.rappel_jours),
  BOUSSOLE_REFERRAL_EXPIRY_DAYS: z._default(days, DEFAULT_REFERRAL_POLICY.expiration_jours),
  BOUSSOLE_REFERRAL_RETENTION_DAYS: z._default(days, DEFAULT_REFERRAL_POLICY.conservation_jours),
  BOUSSOLE_BEHIND_PROXY: z._default(z.enum(['true', 'false']), 'false'),
  BOUSSOLE_TOKEN_IDLE_DAYS: z._default(days, DEFAULT_TOKEN_IDLE_DAYS),
  BOUSSOLE_SMTP_URL: z.optional(
    z.string().check(z.regex(/^smtps?:\/\/[^\s/]+/, 'adresse smtp://… ou smtps://… attendue (identifiants compris)')),
  ),
  BOUSSOLE_MAIL_FROM: z.optional(z.string().check(z.minLength(3), z.maxLength(200))),
  BOUSSOLE_PUBLIC_URL: z.optional(z.url({ protocol: /^https?$/ })),
});

/** Reads the configuration; throws with every faulty variable named (empty values count as unset). */
export function readConfig(env: Readonly<Record<string, string | undefined>>): ServerConfig {
  const set = (key: string) => (env[key] === '' ? undefined : env[key]);
  const parsed = parse(envSchema, {
    PORT: set('PORT'),
    HOST: set('HOST'),
    BOUSSOLE_DB: set('BOUSSOLE_DB'),
    BOUSSOLE_DATABASE_URL: set('BOUSSOLE_DATABASE_URL'),
    BOUSSOLE_STATIC: set('BOUSSOLE_STATIC'),
    BOUSSOLE_MODE: set('BOUSSOLE_MODE'),
    BOUSSOLE_DEMO_SERVICES: set('BOUSSOLE_DEMO_SERVICES'),
    BOUSSOLE_REFERRAL_REMINDER_DAYS: set('BOUSSOLE_REFERRAL_REMINDER_DAYS'),
    BOUSSOLE_REFERRAL_EXPIRY_DAYS: set('BOUSSOLE_REFERRAL_EXPIRY_DAYS'),
    BOUSSOLE_REFERRAL_RETENTION_DAYS: set('BOUSSOLE_REFERRAL_RETENTION_DAYS'),
    BOUSSOLE_BEHIND_PROXY: set('BOUSSOLE_BEHIND_PROXY'),
    BOUSSOLE_TOKEN_IDLE_DAYS: set('BOUSSOLE_TOKEN_IDLE_DAYS'),
    BOUSSOLE_SMTP_URL: set('BOUSSOLE_SMTP_URL'),
    BOUSSOLE_MAIL_FROM: set('BOUSSOLE_MAIL_FROM'),
    BOUSSOLE_PUBLIC_URL: set('BOUSSOLE_PUBLIC_URL'),
  });
  if (!parsed.ok) throw new Error(`Configuration invalide : ${describeProblems(parsed.problems)}`);
  const { BOUSSOLE_SMTP_URL: smtpUrl, BOUSSOLE_MAIL_FROM: from, BOUSSOLE_PUBLIC_URL: appUrl } = parsed.value;
  // Half a mail configuration is a mistake to say at start, not a server that silently never mails, nor one that
  // mails links to localhost.
  const mailSet = [smtpUrl, from, appUrl].filter((v) => v !== undefined).length;
  if (smtpUrl !== undefined ? mailSet < 3 : from !== undefined) {
    throw new Error(
      'Configuration invalide : BOUSSOLE_SMTP_URL, BOUSSOLE_MAIL_FROM et BOUSSOLE_PUBLIC_URL vont ensemble pour envoyer du courriel',
    );
  }
  const { PORT, HOST, BOUSSOLE_DB, BOUSSOLE_STATIC, BOUSSOLE_MODE, BOUSSOLE_DEMO_SERVICES } = parsed.value;
  return {
    port: PORT,
    host: HOST,
    dbPath: BOUSSOLE_DB,
    staticDir: BOUSSOLE_STATIC,
    mode: BOUSSOLE_MODE,
    referralPolicy: {
      rappel_jours: parsed.value.BOUSSOLE_REFERRAL_REMINDER_DAYS,
      expiration_jours: parsed.value.BOUSSOLE_REFERRAL_EXPIRY_DAYS,
      conservation_jours: parsed.value.BOUSSOLE_REFERRAL_RETENTION_DAYS,
    },
    behindProxy: parsed.value.BOUSSOLE_BEHIND_PROXY === 'true',
    tokenIdleDays: parsed.value.BOUSSOLE_TOKEN_IDLE_DAYS,
    ...(smtpUrl === undefined || from === undefined || appUrl === undefined
      ? {}
      : { mail: { smtpUrl, from, appUrl: appUrl.replace(/\/+$/, '') } }),
    ...(BOUSSOLE_DEMO_SERVICES === undefined ? {} : { demoServices: BOUSSOLE_DEMO_SERVICES }),
    ...(parsed.value.BOUSSOLE_DATABASE_URL === undefined ? {} : { databaseUrl: parsed.value.BOUSSOLE_DATABASE_URL }),
  };
}

/** The address to print for a person: `localhost` when listening on every interface. */
export function publicUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

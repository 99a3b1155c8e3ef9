import { describe, expect, it } from 'vitest';
import { publicUrl, readConfig } from './config.ts';

describe('server configuration from the environment', () => {
  it('has defaults that need no set-up, and treats empty variables as unset', () => {
    const defaults = {
      port: 8080,
      host: '0.0.0.0',
      dbPath: 'data/boussole.sqlite',
      staticDir: 'dist',
      mode: 'production',
      referralPolicy: { rappel_jours: 10, expiration_jours: 30, conservation_jours: 90 },
      behindProxy: false,
      tokenIdleDays: 90,
    };
    expect(readConfig({})).toEqual(defaults);
    expect(readConfig({ PORT: '', HOST: '', BOUSSOLE_DB: '', BOUSSOLE_STATIC: '', BOUSSOLE_MODE: '' })).toEqual(
      defaults,
    );
  });

  it('reads every variable', () => {
    expect(
      readConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        BOUSSOLE_DB: ':memory:',
        BOUSSOLE_STATIC: 'build',
        BOUSSOLE_MODE: 'demo',
      }),
    ).toMatchObject({ port: 0, host: '127.0.0.1', dbPath: ':memory:', staticDir: 'build', mode: 'demo' });
  });

  it('reads a PostgreSQL database instead of the SQLite file, absent by default', () => {
    expect(readConfig({ BOUSSOLE_DATABASE_URL: 'postgres://boussole:secret@db:5432/boussole' }).databaseUrl).toBe(
      'postgres://boussole:secret@db:5432/boussole',
    );
    expect(readConfig({})).not.toHaveProperty('databaseUrl');
    expect(() => readConfig({ BOUSSOLE_DATABASE_URL: 'mysql://db/boussole' })).toThrow(/BOUSSOLE_DATABASE_URL/);
  });

  it('reads the size of the demo directory (benchmarks), absent by default', () => {
    expect(readConfig({ BOUSSOLE_DEMO_SERVICES: '10000' }).demoServices).toBe(10_000);
    expect(readConfig({})).not.toHaveProperty('demoServices');
    expect(() => readConfig({ BOUSSOLE_DEMO_SERVICES: '-3' })).toThrow(/BOUSSOLE_DEMO_SERVICES/);
  });

  it('reads the referral reminder, expiry and retention days', () => {
    const env = {
      BOUSSOLE_REFERRAL_REMINDER_DAYS: '7',
      BOUSSOLE_REFERRAL_EXPIRY_DAYS: '21',
      BOUSSOLE_REFERRAL_RETENTION_DAYS: '60',
    };
    expect(readConfig(env).referralPolicy).toEqual({ rappel_jours: 7, expiration_jours: 21, conservation_jours: 60 });
    expect(() => readConfig({ BOUSSOLE_REFERRAL_RETENTION_DAYS: '0' })).toThrow(/BOUSSOLE_REFERRAL_RETENTION_DAYS/);
  });

  it('trusts X-Forwarded-For only when told the server is behind a proxy', () => {
    expect(readConfig({ BOUSSOLE_BEHIND_PROXY: 'true' }).behindProxy).toBe(true);
    expect(readConfig({ BOUSSOLE_BEHIND_PROXY: 'false' }).behindProxy).toBe(false);
    expect(() => readConfig({ BOUSSOLE_BEHIND_PROXY: 'oui' })).toThrow(/BOUSSOLE_BEHIND_PROXY/);
  });

  it('names every invalid variable in French', () => {
    expect(() => readConfig({ PORT: '70000' })).toThrow(/Configuration invalide : PORT : Trop grand/);
    expect(() => readConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => readConfig({ BOUSSOLE_MODE: 'demonstration' })).toThrow(/BOUSSOLE_MODE/);
  });

  it('reads the SMTP server, the sender and the public address; mail is off without them', () => {
    expect(readConfig({})).not.toHaveProperty('mail');
    const config = readConfig({
      BOUSSOLE_SMTP_URL: 'smtps://boussole:secret@smtp.example.org:465',
      BOUSSOLE_MAIL_FROM: 'Boussole <boussole@example.org>',
      BOUSSOLE_PUBLIC_URL: 'https://boussole.example.org/',
    });
    expect(config.mail).toEqual({
      smtpUrl: 'smtps://boussole:secret@smtp.example.org:465',
      from: 'Boussole <boussole@example.org>',
      appUrl: 'https://boussole.example.org',
    });
  });

  it('refuses half a mail configuration and a URL that is not SMTP, without echoing the credentials', () => {
    const site = { BOUSSOLE_PUBLIC_URL: 'https://boussole.example.org' };
    expect(() => readConfig({ ...site, BOUSSOLE_SMTP_URL: 'smtp://localhost:25' })).toThrow(/BOUSSOLE_MAIL_FROM/);
    expect(() => readConfig({ BOUSSOLE_SMTP_URL: 'smtp://localhost:25', BOUSSOLE_MAIL_FROM: 'a@b.fr' })).toThrow(
      /BOUSSOLE_PUBLIC_URL/,
    );
    expect(() => readConfig({ BOUSSOLE_MAIL_FROM: 'boussole@example.org' })).toThrow(/BOUSSOLE_SMTP_URL/);
    expect(readConfig(site)).not.toHaveProperty('mail');
    const wrong = () =>
      readConfig({ ...site, BOUSSOLE_SMTP_URL: 'https://user:hunter2@x', BOUSSOLE_MAIL_FROM: 'a@b.fr' });
    expect(wrong).toThrow(/BOUSSOLE_SMTP_URL/);
    expect(wrong).not.toThrow(/hunter2/);
  });

  it('prints localhost for a server listening on every interface', () => {
    expect(publicUrl('0.0.0.0', 8080)).toBe('http://localhost:8080');
    expect(publicUrl('::', 8080)).toBe('http://localhost:8080');
    expect(publicUrl('127.0.0.1', 3000)).toBe('http://127.0.0.1:3000');
    expect(publicUrl('::1', 3000)).toBe('http://[::1]:3000');
  });
});

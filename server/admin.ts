// `npm run admin -- <command>`: account and device administration on the BOUSSOLE_DB file (see admin-commands.ts
// for the commands). With BOUSSOLE_SMTP_URL set, `invite --email` sends the code by mail from this process; what
// the SMTP server does not take at once stays in the outbox for the running server's mail job.
import { runAdmin } from './admin-commands.ts';
import { runOnDatabase } from './command-line.ts';
import { readConfig } from './config.ts';
import { silentLogger } from './logger.ts';
import { createMailer } from './mail/mailer.ts';
import { smtpTransport } from './mail/transport.ts';

runOnDatabase(async (ctx, argv) => {
  const config = readConfig(process.env);
  const transport = config.mail ? smtpTransport(config.mail.smtpUrl, config.mail.from) : null;
  const appUrl = config.mail?.appUrl ?? '';
  const mailer = createMailer({ store: ctx.store, transport, links: { appUrl }, logger: silentLogger });
  try {
    return await runAdmin({ ...ctx, mailer, signInUrl: `${appUrl}/connexion` }, argv);
  } finally {
    await mailer.stop();
    transport?.close();
  }
});

import net from 'net';
import { strapiApp } from './strapi';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { SMTPServer } = require('smtp-server');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { simpleParser } = require('mailparser');

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string | false;
  headers: Map<string, unknown>;
  /** The raw header lines, by lower-case name (mailparser folds List-* headers into `list`). */
  headerLines: { key: string; line: string }[];
  /** Files the mail carried (mailparser's: filename, contentType, content as a Buffer, cid …). */
  attachments: { filename?: string; contentType: string; content: Buffer; cid?: string; contentDisposition?: string }[];
}

/** A free TCP port on the loopback interface. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/**
 * A real SMTP server in the test process, on a fixed port so that Strapi's nodemailer
 * (configured from SMTP_* at boot) finds it again after a stop and a start.
 */
export class TestSmtp {
  readonly received: ReceivedMail[] = [];
  private server: any = null;

  constructor(readonly port: number) {}

  /** Points the app's email config (read at boot) at this server. */
  configureEnv() {
    process.env.SMTP_HOST = '127.0.0.1';
    process.env.SMTP_PORT = String(this.port);
    process.env.SMTP_IGNORE_TLS = 'true';
    process.env.SMTP_FROM = 'alumni-office@liaison.test';
  }

  async start() {
    if (this.server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      disableReverseLookup: true,
      onData: (stream: NodeJS.ReadableStream, session: any, callback: (err?: Error | null) => void) => {
        simpleParser(stream)
          .then((mail: any) => {
            this.received.push({
              to: session.envelope.rcptTo.map((r: any) => r.address),
              subject: mail.subject,
              text: mail.text ?? '',
              html: mail.html,
              headers: mail.headers,
              headerLines: mail.headerLines ?? [],
              attachments: mail.attachments ?? [],
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  async stop() {
    if (!this.server) return;
    const server = this.server;
    this.server = null;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The mails that arrived with this subject. */
  withSubject(subject: string) {
    return this.received.filter((m) => m.subject === subject);
  }
}

/**
 * Delivers the mail waiting for `to`, and only that: the outbox is shared by every test file of
 * the run, and `deliverDue()` would send every earlier file's leftover mail first (hundreds by
 * the end of a run: longer than a test may take on a loaded machine).
 */
export const deliverMailTo = async (to: string) => {
  const app = strapiApp();
  const rows = await app.db.query('plugin::liaison.notification').findMany({
    where: { to, deliveryStatus: 'pending' },
    populate: { alumnus: { select: ['id', 'documentId'] } },
    orderBy: { id: 'asc' },
  });
  for (const row of rows) await app.plugin('liaison').service('outbox').deliverOne(row, new Date());
  return rows.length;
};

/**
 * Sets aside the mail the run's earlier files left waiting (they have finished): a file that
 * tests deliverDue() itself would otherwise send all of it first, past its time limit when it
 * runs late in a run, or count it as its own. Both states a worker claims: 'pending', and
 * 'sending' left by an app that stopped mid-send (claimed again once its lease runs out).
 */
export const setAsideEarlierMail = () =>
  strapiApp()
    .db.query('plugin::liaison.notification')
    .updateMany({ where: { deliveryStatus: { $in: ['pending', 'sending'] } }, data: { nextAttemptAt: new Date('2999-01-01T00:00:00Z') } });

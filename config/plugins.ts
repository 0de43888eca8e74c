import { createSecretKey } from 'crypto';
import { secret } from '../src/utils/secret';
import { ALLOWED_UPLOAD_TYPES, DENIED_UPLOAD_TYPES } from '../plugins/liaison/server/src/uploads/kinds';

export default ({ env }) => ({
  liaison: {
    enabled: true,
    resolve: './plugins/liaison',
    config: {
      // Signs the unsubscribe and acknowledgement links in mails (changing it voids the links already sent).
      mailLinkSecret: secret('UNSUBSCRIBE_SECRET'),
      // Where stories, events, the feed and the OpenAPI document answer under /api ('' : /api/stories).
      publicPrefix: env('LIAISON_PUBLIC_PREFIX', ''),
      // Where uploaded import files wait for their job (removed when it ends); shared by all instances.
      importDir: env('IMPORT_DIR', ''),
      // The font of the personal-data PDF export (Chinese needs a CJK font): a .ttf/.otf/.ttc file, `file.ttc#PostScriptName` for one of a collection.
      pdfFont: env('LIAISON_PDF_FONT', ''),
    },
  },
  i18n: {
    enabled: true,
  },
  upload: {
    config: {
      // Strapi's own check of the type and content; plugins/liaison/server/src/uploads adds what it lets through.
      security: { allowedTypes: ALLOWED_UPLOAD_TYPES, deniedTypes: DENIED_UPLOAD_TYPES },
    },
  },
  'users-permissions': {
    config: {
      // A key object, not the string: jsonwebtoken tries a string as a PEM public key first, on
      // every verification of a signed-in request (7 % of its time), before taking it as a shared secret.
      jwtSecret: createSecretKey(Buffer.from(secret('JWT_SECRET'))),
      // Its own limiter counts per instance and per address only: sign-in attempts are counted by
      // the liaison plugin's account-limits middleware instead (per address and per account, across instances).
      ratelimit: { enabled: false },
    },
  },
  email: {
    config: env('SMTP_HOST')
      ? {
          provider: 'nodemailer',
          providerOptions: {
            host: env('SMTP_HOST'),
            port: env.int('SMTP_PORT', 587),
            secure: env.bool('SMTP_SECURE', false),
            ignoreTLS: env.bool('SMTP_IGNORE_TLS', false),
            auth: env('SMTP_USERNAME') ? { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } : undefined,
          },
          settings: {
            defaultFrom: env('SMTP_FROM', 'alumni-office@example.edu'),
            defaultReplyTo: env('SMTP_REPLY_TO', 'alumni-office@example.edu'),
          },
        }
      : {
          // Without SMTP settings nothing leaves the machine: nodemailer's JSON transport
          // accepts the message, and the outbox keeps and logs it.
          provider: 'nodemailer',
          providerOptions: { jsonTransport: true },
          settings: { defaultFrom: 'alumni-office@example.edu', defaultReplyTo: 'alumni-office@example.edu' },
        },
  },
});

import register from './register';
import bootstrap from './bootstrap';
import destroy from './destroy';
import contentTypes from './content-types';
import controllers from './controllers';
import routes from './routes';
import services from './services';
import { CAPABILITIES } from './capabilities';
import { PUBLIC_PREFIX_PATTERN } from './website/paths';

export default {
  register,
  bootstrap,
  destroy,
  config: {
    default: { publicPrefix: '', importDir: '', pdfFont: '' },
    validator(config: { publicPrefix?: unknown; mailLinkSecret?: unknown; importDir?: unknown; pdfFont?: unknown }) {
      if (config?.importDir !== undefined && typeof config.importDir !== 'string') {
        throw new Error(`liaison: importDir must be a directory path (or '' for .tmp/imports), not ${JSON.stringify(config.importDir)}`);
      }
      if (config?.pdfFont !== undefined && typeof config.pdfFont !== 'string') {
        throw new Error(`liaison: pdfFont must be the path of a font file (or '' to look in the usual places), not ${JSON.stringify(config.pdfFont)}`);
      }
      // Mails carry signed links: in production their key must be the host's own secret.
      if (process.env.NODE_ENV === 'production' && (typeof config?.mailLinkSecret !== 'string' || config.mailLinkSecret.length < 16)) {
        throw new Error('liaison: set mailLinkSecret (at least 16 characters) in config/plugins for production: it signs the links in mails');
      }
      const prefix = config?.publicPrefix ?? '';
      if (typeof prefix !== 'string' || !PUBLIC_PREFIX_PATTERN.test(prefix)) {
        throw new Error(`liaison: publicPrefix must be '' or a path such as '/alumni' (lower-case letters, digits and dashes), not ${JSON.stringify(prefix)}`);
      }
    },
  },
  contentTypes,
  controllers,
  routes,
  services,
  policies: {},
  middlewares: Object.assign({}, ...CAPABILITIES.map((c) => c.middlewares ?? {})),
};

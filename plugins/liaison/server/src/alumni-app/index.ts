import type { Capability } from '../capabilities';
import { alumniAppController } from './controller';
import { ASSETS } from './assets';

const open = (path: string, handler: string) => ({ method: 'GET', path, handler: `alumniApp.${handler}`, config: { auth: false, policies: [] } });

/**
 * The alumni page: a small mobile-first page (Chinese and English; phones and WeChat's
 * browser) over the alumni API — claim and activate an account, sign in, one's record and
 * consents, upcoming events with sign-up and cancel, one's sign-ups with their QR codes. A
 * university without web developers links to it; website developers read it (static/app.js)
 * as the API in use. Served by the plugin from its own origin: no build step, no CDN.
 * The links in account mails open it (accounts/tokens.ts linkFor).
 */
const capability: Capability = {
  contentApiRoutes: [open('/app', 'page'), open('/app/activate', 'page'), open('/app/reset', 'page'),
    // One route per file: anything else under assets/ is the router's 404.
    ...Object.keys(ASSETS).map((file) => open(`/app/assets/${file}`, 'asset')),
  ],
  alumniRoutes: [{ method: 'GET', path: '/me/registrations/:documentId/qr', handler: 'alumniApp.qr' }],
  controllers: { alumniApp: alumniAppController },
};

export default capability;

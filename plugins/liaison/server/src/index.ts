import register from './register';
import bootstrap from './bootstrap';
import destroy from './destroy';
import contentTypes from './content-types';
import controllers from './controllers';
import routes from './routes';
import services from './services';
import { CAPABILITIES } from './capabilities';

export default {
  register,
  bootstrap,
  destroy,
  config: { default: {}, validator() {} },
  contentTypes,
  controllers,
  routes,
  services,
  policies: {},
  middlewares: Object.assign({}, ...CAPABILITIES.map((c) => c.middlewares ?? {})),
};

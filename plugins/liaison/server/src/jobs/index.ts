import type { Capability } from '../capabilities';
import jobs from './service';

const capability: Capability = {
  services: { jobs },
  destroy: ({ strapi }) => strapi.plugin('liaison').service('jobs').unscheduleAll(),
};

export default capability;

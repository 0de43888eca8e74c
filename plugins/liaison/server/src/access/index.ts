import type { Capability } from '../capabilities';
import access from './service';
import { registerConditions } from './conditions';
import { scopeRelationPickers } from './pickers';
import { checkContentManagerQueries } from './query-routes';

const capability: Capability = {
  services: { access },
  // Conditions are registered here, in the register phase, so that they exist when the
  // plugin's bootstrap gives the staff roles their conditioned permissions (ensureStaffRoles):
  // Strapi drops a permission's unknown conditions when it assigns it.
  register: async ({ strapi }) => {
    await registerConditions(strapi);
    // The query checks see the picker's query as the client sent it, before its scope is added.
    checkContentManagerQueries(strapi);
    scopeRelationPickers(strapi);
  },
};

export default capability;

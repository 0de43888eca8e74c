import type { Capability } from '../capabilities';
import access from './service';
import { registerConditions } from './conditions';
import { registerPostGuard } from './guard';
import { scopeRelationPickers } from './pickers';
import { registerWebsiteGuard } from './website-guard';
import { registerMemberContactFilter } from './members';
import { registerQueryGuard } from './query-guard';
import { checkContentManagerQueries } from './query-routes';
import { registerAttendanceRecord } from './attendance';

const capability: Capability = {
  services: { access },
  // Conditions are registered here, in the register phase, so that they exist when the
  // plugin's bootstrap gives the staff roles their conditioned permissions (ensureStaffRoles):
  // Strapi drops a permission's unknown conditions when it assigns it.
  register: async ({ strapi }) => {
    await registerConditions(strapi);
    registerPostGuard(strapi);
    registerWebsiteGuard(strapi);
    registerMemberContactFilter(strapi);
    registerQueryGuard(strapi);
    registerAttendanceRecord(strapi);
    // The query checks see the picker's query as the client sent it, before its scope is added.
    checkContentManagerQueries(strapi);
    scopeRelationPickers(strapi);
  },
};

export default capability;

import type { Core } from '@strapi/strapi';
import { reminderDue } from './rules/lifecycle';
import { scopeById } from './scope';
import { postStore } from './posts';
import { lifecycle } from './lifecycle';
import { quotas } from './quotas';
import { appointment } from './appointment';
import { expiry } from './expiry';
import { candidates } from './candidates';

/**
 * The `assignment` service: one object made of its parts, so controllers, the expiry job
 * and scripts keep calling `strapi.plugin('liaison').service('assignment').x`. The parts'
 * methods that call a sibling (`this.mailClass`, `this.reminders`...) find it on this object.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = postStore(strapi);
  return {
    ...lifecycle(strapi, store),
    ...quotas(strapi, store),
    ...appointment(strapi, store),
    ...expiry(strapi, store),
    ...candidates(strapi, store),
  };
};

export { reminderDue, scopeById };

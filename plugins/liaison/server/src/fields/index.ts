import type { Capability } from '../capabilities';

/**
 * Custom fields: inputs of their own for values stored as JSON lists. The website's stories
 * keep their cohort years and tags as before (JSON columns, the same API and filters);
 * the Content Manager shows a tag input and a year list instead of a JSON editor (the
 * admin side registers the same names in admin/src/index.ts). Strapi turns the attribute's
 * type into `json` when it loads, so every server path (validation, filters, imports)
 * sees a JSON attribute.
 */
export const CUSTOM_FIELDS = [
  { name: 'tag-list', plugin: 'liaison', type: 'json', inputSize: { default: 12, isResizable: true } },
  { name: 'year-list', plugin: 'liaison', type: 'json', inputSize: { default: 12, isResizable: true } },
] as const;

const capability: Capability = {
  register: ({ strapi }) => {
    strapi.customFields.register(CUSTOM_FIELDS.map((field) => ({ ...field, inputSize: { ...field.inputSize } })));
  },
};

export default capability;

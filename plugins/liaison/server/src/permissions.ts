/** The plugin's own admin RBAC actions (plugin::liaison.<uid>). */
export const ACTIONS = {
  readOverview: 'plugin::liaison.overview.read',
} as const;

export const registerActions = async (strapi: any) => {
  await strapi.service('admin::permission').actionProvider.registerMany([
    {
      section: 'plugins',
      displayName: 'Read the network overview',
      uid: 'overview.read',
      pluginName: 'liaison',
    },
  ]);
};

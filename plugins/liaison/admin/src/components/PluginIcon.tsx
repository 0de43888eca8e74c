import { Users } from '@strapi/icons';

export const PluginIcon = () => <Users />;

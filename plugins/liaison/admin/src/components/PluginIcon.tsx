import { User } from '@strapi/icons';

export const PluginIcon = () => <User />;

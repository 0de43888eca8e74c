import type { StrapiApp } from '@strapi/strapi/admin';
import { contentTypeNames } from './translations';

export default {
  config: {
    locales: ['zh-Hans'],
    translations: {
      en: contentTypeNames.en,
      'zh-Hans': contentTypeNames['zh-Hans'],
    },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};

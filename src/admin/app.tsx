import type { StrapiApp } from '@strapi/strapi/admin';
import { contentTypeNames } from './translations';
import { fieldLabelMessages } from './field-labels';

export default {
  config: {
    locales: ['zh-Hans'],
    translations: {
      en: { ...contentTypeNames.en, ...fieldLabelMessages(0) },
      'zh-Hans': { ...contentTypeNames['zh-Hans'], ...fieldLabelMessages(1) },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};

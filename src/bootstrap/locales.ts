import type { Core } from '@strapi/strapi';

/** Website content is written in Chinese first and translated to English. */
export const CONTENT_LOCALES = [
  { code: 'zh-Hans', name: 'Chinese (Simplified) (zh-Hans)' },
  { code: 'en', name: 'English (en)' },
];
export const DEFAULT_CONTENT_LOCALE = 'zh-Hans';

/**
 * Adds the content locales that are missing. zh-Hans becomes the default when it is
 * first added; a default chosen later by an administrator is left alone.
 */
export const ensureContentLocales = async (strapi: Core.Strapi) => {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of CONTENT_LOCALES) {
    if (await locales.findByCode(locale.code)) continue;
    await locales.create(locale);
    if (locale.code === DEFAULT_CONTENT_LOCALE) await locales.setDefaultLocale({ code: locale.code });
  }
};

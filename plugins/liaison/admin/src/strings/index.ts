import { contentTypeNames, strapiMessages } from './translations';
import { fieldLabelMessages } from './field-labels';
import { enumLabelMessages } from './enum-labels';

/**
 * What the admin says about the plugin's content types in each language: their names, each
 * field's label, each enumeration value, and the Strapi strings the office's vocabulary
 * completes. Unprefixed ids: they are the Content Manager's own (see registerTrads).
 */
export const contentManagerMessages: Record<string, Record<string, string>> = {
  en: { ...contentTypeNames.en, ...fieldLabelMessages(0), ...enumLabelMessages(0), ...strapiMessages.en },
  'zh-Hans': { ...contentTypeNames['zh-Hans'], ...fieldLabelMessages(1), ...enumLabelMessages(1), ...strapiMessages['zh-Hans'] },
};

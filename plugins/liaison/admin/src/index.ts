import { Calendar, PriceTag } from '@strapi/icons';
import { PLUGIN_ID } from './pluginId';
import { PluginIcon } from './components/PluginIcon';
import { getTranslation } from './utils/getTranslation';
import { contentManagerMessages } from './strings';
import { registerEnumDisplay } from './strings/enum-display';
import { registerCountryDisplay } from './strings/country-display';
import { sendAdminLanguage } from './strings/locale';

const prefixKeys = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [getTranslation(key), value]));

export default {
  register(app: any) {
    sendAdminLanguage();
    registerEnumDisplay(app, contentManagerMessages);
    registerCountryDisplay(app);
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Liaison network' },
      permissions: [{ action: 'plugin::liaison.overview.read', subject: null }],
      Component: () => import('./pages/App'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    // The story's list fields (JSON underneath, as the website's API reads them) get inputs
    // of their own; the server registers the same names (server/src/fields).
    app.customFields.register([
      {
        name: 'tag-list',
        pluginId: PLUGIN_ID,
        type: 'json',
        icon: PriceTag,
        intlLabel: { id: getTranslation('field.tags.name'), defaultMessage: 'Tag list' },
        intlDescription: {
          id: getTranslation('field.tags.description'),
          defaultMessage: 'Short lower-case tags, stored as a JSON list',
        },
        components: { Input: async () => import('./components/fields/TagListInput') },
      },
      {
        name: 'year-list',
        pluginId: PLUGIN_ID,
        type: 'json',
        icon: Calendar,
        intlLabel: { id: getTranslation('field.years.name'), defaultMessage: 'Year list' },
        intlDescription: {
          id: getTranslation('field.years.description'),
          defaultMessage: 'Graduation years, stored as a JSON list of numbers',
        },
        components: { Input: async () => import('./components/fields/YearListInput') },
      },
    ]);
    // The network's coverage greets staff first on the home page.
    app.widgets.register((widgets: any[]) => [
      {
        id: 'coverage',
        pluginId: PLUGIN_ID,
        icon: PluginIcon,
        title: { id: getTranslation('widget.title'), defaultMessage: 'Liaison network coverage' },
        component: async () => (await import('./components/CoverageWidget')).CoverageWidget,
        permissions: [{ action: 'plugin::liaison.coverage.read' }],
      },
      ...widgets,
    ]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: { ...contentManagerMessages[locale], ...prefixKeys(data) }, locale };
        } catch {
          return { data: contentManagerMessages[locale] ?? {}, locale };
        }
      })
    );
  },
};

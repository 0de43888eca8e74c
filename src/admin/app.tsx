import type { StrapiApp } from '@strapi/strapi/admin';
import project from '../../package.json';

/**
 * Strapi's guided tour starts enabled for every browser (its state lives in localStorage);
 * staff come to run the network, so it starts switched off (they can still reset it in
 * their profile).
 */
const switchOffGuidedTour = () => {
  try {
    const key = 'STRAPI_GUIDED_TOUR';
    const stored = JSON.parse(window.localStorage.getItem(key) || '{}');
    if (stored.liaisonSwitchedOff) return;
    window.localStorage.setItem(key, JSON.stringify({ ...stored, enabled: false, liaisonSwitchedOff: true }));
  } catch {
    /* no storage: nothing to remember */
  }
};

/**
 * The "new Media Library" banner greets every browser until dismissed (its state is kept per
 * project uuid: the `strapi.uuid` of package.json, or `false` while telemetry is disabled
 * there, as it is): staff never asked for it.
 */
const dismissMediaLibraryBanner = () => {
  try {
    const settings = (project as { strapi?: { uuid?: string; telemetryDisabled?: boolean } }).strapi;
    const uuid = settings?.telemetryDisabled ? false : settings?.uuid;
    for (const legacy of [true, false]) {
      window.localStorage.setItem(`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${uuid}`, 'true');
    }
  } catch {
    /* no storage */
  }
};

export default {
  config: {
    // The plugin brings its own strings in both languages (and the Strapi strings it completes).
    locales: ['zh-Hans'],
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    switchOffGuidedTour();
    dismissMediaLibraryBanner();
  },
  bootstrap(_app: StrapiApp) {},
};

import { guardUploadService } from '../../../plugins/liaison/server/src/uploads/guard';

/** Strapi's upload plugin, its service refusing files the media library does not accept (see the guard). */
export default (plugin: any) => {
  plugin.services.upload = guardUploadService(plugin.services.upload);
  return plugin;
};

import type { Core } from '@strapi/strapi';
import { ALLOWED_UPLOAD_TYPES, DENIED_UPLOAD_TYPES } from '../uploads/kinds';

/**
 * Strapi's upload plugin checks each file's type against `plugin::upload.security`; a host
 * that set nothing gets the media library's allowlist (images, PDF, office documents, text).
 * A host's own setting is left as it is.
 */
export const defaultUploadSecurity = (strapi: Core.Strapi) => {
  const current = strapi.config.get(['plugin::upload', 'security'] as any) as { allowedTypes?: unknown; deniedTypes?: unknown } | undefined;
  if (current?.allowedTypes || current?.deniedTypes) return;
  strapi.config.set('plugin::upload.security', { ...(current ?? {}), allowedTypes: ALLOWED_UPLOAD_TYPES, deniedTypes: DENIED_UPLOAD_TYPES });
};

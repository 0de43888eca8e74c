import assignment from './assignment';
import coverage from './coverage';
import outbox from './outbox';
import jobs from './jobs';
import access from './access';
import board from './board';
import training from './training';
import appraisal from './appraisal';
import honours from './honours';
import website from './website';
import uploads from './uploads';
import fields from './fields';
import imports from './imports';
import personalData from './personal-data';
import duplicates from './duplicates';

/**
 * Each capability keeps its routes, controllers, services and rules in its own folder
 * and declares them here; the plugin's index and routers merge them.
 */
export interface Capability {
  adminRoutes?: any[];
  contentApiRoutes?: any[];
  controllers?: Record<string, any>;
  services?: Record<string, any>;
  /** Koa middlewares, named in config/middlewares.ts as plugin::liaison.<name>. */
  middlewares?: Record<string, any>;
  register?: (args: { strapi: any }) => void | Promise<void>;
  bootstrap?: (args: { strapi: any }) => void | Promise<void>;
  destroy?: (args: { strapi: any }) => void | Promise<void>;
}

export const CAPABILITIES: Capability[] = [fields, access, jobs, outbox, assignment, coverage, board, training, appraisal, honours, website, uploads, imports, duplicates, personalData];

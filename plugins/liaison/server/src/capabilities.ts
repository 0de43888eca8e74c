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
import accounts from './accounts';
import registrations from './registrations';
import checkIn from './check-in';
import alumniApp from './alumni-app';
import liaisonWork from './liaison-work';
import feedback from './feedback';
import proposals from './proposals';
import surveys from './surveys';

/**
 * Each capability keeps its routes, controllers, services and rules in its own folder
 * and declares them here; the plugin's index and routers merge them.
 */
export interface Capability {
  adminRoutes?: any[];
  contentApiRoutes?: any[];
  /**
   * Content-API routes of signed-in alumni (users-permissions JWT): their actions are granted
   * to the Authenticated role at every start; the controller finds the alumnus with
   * accounts/current.ts signedInAlumnus.
   */
  alumniRoutes?: any[];
  controllers?: Record<string, any>;
  services?: Record<string, any>;
  /** Koa middlewares, named in config/middlewares.ts as plugin::liaison.<name>. */
  middlewares?: Record<string, any>;
  register?: (args: { strapi: any }) => void | Promise<void>;
  bootstrap?: (args: { strapi: any }) => void | Promise<void>;
  destroy?: (args: { strapi: any }) => void | Promise<void>;
}

/** `plugin::liaison.<controller>.<action>` of every alumni route: what the Authenticated role holds. */
export const alumniActions = () => CAPABILITIES.flatMap((c) => c.alumniRoutes ?? []).map((r) => `plugin::liaison.${r.handler}`);

export const CAPABILITIES: Capability[] = [fields, access, jobs, outbox, assignment, coverage, board, training, appraisal, honours, website, uploads, imports, duplicates, personalData, accounts, registrations, checkIn, alumniApp, liaisonWork, feedback, proposals, surveys];

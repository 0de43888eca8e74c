/**
 * A second Strapi instance in its own process, on the same database as the test's
 * (the environment is passed down): its own connection pool, outbox worker and jobs,
 * as a second server behind a load balancer. Driven over IPC by tests/helpers/instance.ts.
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

(async () => {
  const appDir = path.resolve(__dirname, '../..');
  const app = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  await app.load();
  const outbox = app.plugin('liaison').service('outbox');
  const jobs = app.plugin('liaison').service('jobs');

  const website = app.plugin('liaison').service('website');
  const commands = {
    // Serve HTTP on a port of its own, as a second server behind the load balancer.
    listen: async () => {
      await new Promise((resolve) => app.server.listen(0, '127.0.0.1', resolve));
      return { port: app.server.httpServer.address().port };
    },
    rateLimit: (settings) => website.configureRateLimit(settings),
    cacheState: () => ({ size: website.cache()?.size ?? 0, listening: !!website.listener()?.listening, connections: website.listener()?.connections ?? 0 }),
    deliverDue: () => outbox.deliverDue(),
    enqueue: ({ mails }) => app.db.transaction(() => outbox.enqueue(mails)),
    feedbackSweep: ({ day }) => app.plugin('liaison').service('feedback').sweep(day),
    runImport: ({ documentId }) => app.plugin('liaison').service('imports').run(documentId),
    runOnce: async ({ job, slot, pauseMs }) => {
      let ran = false;
      const outcome = await jobs.runOnce(job, new Date(slot), async () => {
        ran = true;
        await pause(pauseMs ?? 0);
      });
      return { outcome, ran };
    },
  };

  process.on('message', async ({ id, cmd, args }) => {
    if (cmd === 'stop') {
      await app.destroy();
      process.send({ id, result: 'stopped' }, () => process.exit(0));
      return;
    }
    try {
      process.send({ id, result: await commands[cmd](args ?? {}) });
    } catch (error) {
      process.send({ id, error: error && error.message ? error.message : String(error) });
    }
  });
  process.send({ ready: true });
})().catch((error) => {
  console.error(error);
  process.exit(1);
});

import type { Browser, Page } from 'playwright-core';
import path from 'path';
import { adminToken, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { launchBrowser, listen, signInAdmin } from '../helpers/browser';
import { makeAlumnus, makeCohort, makeCollege } from '../helpers/fixtures';
import en from '../../plugins/liaison/admin/src/translations/en.json';
import zh from '../../plugins/liaison/admin/src/translations/zh-Hans.json';
import { ENUM_LABELS } from '../../plugins/liaison/admin/src/strings/enum-labels';
import { inTestedLanguages } from '../helpers/languages';

/**
 * Staff open the Appraisal workspace, score two liaisons and see their grades and ranks
 * change, close the cycle, and award an honour to the one who is eligible.
 */
const SHOTS = path.join(__dirname, '../screenshots');
const PASSWORD = 'E2e-Appraisal-Pass-2026';
const MESSAGES = { en, 'zh-Hans': zh } as const;

let browser: Browser;
let baseUrl: string;
let email: string;
let api: ReturnType<typeof withToken>;

beforeAll(async () => {
  await setupStrapi();
  baseUrl = await listen();
  email = `${unique('appraiser').toLowerCase()}@liaison.test`;
  const superAdmin = await strapiApp().service('admin::role').getSuperAdmin();
  await strapiApp()
    .service('admin::user')
    .create({
      email,
      firstname: 'E2E',
      lastname: 'Appraiser',
      password: PASSWORD,
      isActive: true,
      roles: [superAdmin.id],
    });
  api = withToken(await adminToken());
  browser = await launchBrowser();
}, 180000);

afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

const signIn = (language: 'en' | 'zh-Hans'): Promise<Page> =>
  signInAdmin(browser, baseUrl, { email, password: PASSWORD }, language, { width: 1600, height: 1100 });

/** A class of two liaisons in a year of its own, one with contacts logged, and an open cycle for that year. */
const setUp = async (year: number) => {
  const college = await makeCollege();
  const cohort = await makeCohort({
    college: college.documentId,
    className: unique('考核测试班'),
  });
  const people = [];
  for (const [name, role] of [
    ['林徽因', 'monitor'],
    ['梁思成', 'league_secretary'],
  ] as const) {
    const alumnus = await makeAlumnus({
      name,
      cohort: cohort.documentId,
      contactConsent: true,
      email: `${unique('p')}@example.com`,
    });
    const post = await strapiApp()
      .documents('plugin::liaison.liaison')
      .create({
        data: {
          dimension: 'cohort',
          cohort: cohort.documentId,
          alumnus: alumnus.documentId,
          role,
          termStart: `${year}-01-01`,
          postStatus: 'active',
        } as any,
      });
    people.push({ alumnus, post });
  }
  for (const day of ['03-01', '06-01']) {
    await strapiApp()
      .documents('plugin::liaison.contact-log')
      .create({
        data: {
          liaison: people[0].post.documentId,
          channel: 'visit',
          contactedAt: `${year}-${day}T02:00:00.000Z`,
          summary: '走访',
        } as any,
      });
  }
  const cycle = await api.post('/liaison/cycles').send({
    name: unique(`${year}年度考核`),
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    criteria: [
      { key: 'contacts', kind: 'measured', measure: 'contacts', weight: 40 },
      { key: 'performance', kind: 'scored', weight: 60 },
    ],
  });
  expect(cycle.status).toBe(201);
  return { cohort, people, cycle: cycle.body.data };
};

describe.each(
  inTestedLanguages([
    ['en', 2071],
    ['zh-Hans', 2072],
  ] as const)
)('the Appraisal workspace in %s', (language, year) => {
  const t = (key: string) => (MESSAGES[language] as Record<string, string>)[key];
  const enumLabel = (field: string, value: string) => ENUM_LABELS[field][value][language === 'en' ? 0 : 1];

  it('scores liaisons, shows grades and ranks change, closes the cycle and awards an honour', async () => {
    const world = await setUp(year);
    const page = await signIn(language);
    await page.goto(
      `${baseUrl}/admin/plugins/liaison/appraisal?cycle=${world.cycle.documentId}&dimension=cohort&scope=${world.cohort.documentId}`,
    );
    await page.getByRole('heading', { name: t('appraisal.title'), level: 1 }).waitFor({ timeout: 60000 });
    const row = (name: string) => page.getByTestId('result-row').filter({ hasText: name });
    await row('林徽因').waitFor({ timeout: 30000 });
    // The table is narrowed to the class (a click on a scope name does the same), and says so.
    await page.getByTestId('scope-filter').waitFor();
    await expect(page.getByTestId('result-row').count()).resolves.toBe(2);
    // Before any score: the contacts alone (40 of 100 for the most contacts), a fail.
    expect(await row('林徽因').getByTestId('total').innerText()).toBe('40');
    expect(await row('林徽因').getByTestId('grade').textContent()).toBe(enumLabel('grade', 'fail'));

    const score = async (name: string, value: number) => {
      const saved = page.waitForResponse((r) => r.url().includes('/scores') && r.request().method() === 'PUT');
      const input = row(name).getByTestId('score-performance');
      await input.fill(String(value));
      await input.press('Enter');
      expect((await saved).status()).toBe(200);
    };
    await score('林徽因', 90);
    await row('林徽因').getByTestId('total').filter({ hasText: '94' }).waitFor({ timeout: 30000 });
    expect(await row('林徽因').getByTestId('grade').textContent()).toBe(enumLabel('grade', 'excellent'));
    expect(await row('林徽因').getByTestId('rank').innerText()).toBe('1');

    await score('梁思成', 75);
    await row('梁思成').getByTestId('total').filter({ hasText: '45' }).waitFor({ timeout: 30000 });
    expect(await row('梁思成').getByTestId('grade').textContent()).toBe(enumLabel('grade', 'fail'));
    expect(await row('梁思成').getByTestId('rank').innerText()).toBe('2');
    // A score out of range is refused at the cell, and nothing is sent.
    await row('梁思成').getByTestId('score-performance').fill('120');
    await row('梁思成').getByTestId('score-performance').press('Enter');
    await row('梁思成').getByRole('alert').waitFor();
    await page.screenshot({
      path: path.join(SHOTS, `appraisal-scored-${language}.png`),
      fullPage: true,
    });

    await page.getByTestId('close-cycle').click();
    const closed = page.waitForResponse((r) => r.url().endsWith('/close') && r.request().method() === 'POST');
    await page.getByTestId('confirm-close').click();
    expect((await closed).status()).toBe(200);
    await page
      .getByTestId('cycle-status')
      .filter({ hasText: enumLabel('cycleStatus', 'closed') })
      .waitFor({ timeout: 30000 });
    await expect(row('林徽因').getByTestId('score-performance').count()).resolves.toBe(0);

    await page.getByTestId('award').click();
    const dialog = page.getByRole('dialog').filter({ hasText: t('appraisal.award.title') });
    await dialog.getByTestId('eligible').getByText('林徽因', { exact: true }).waitFor({ timeout: 30000 });
    await expect(dialog.getByTestId('eligible').getByText('梁思成', { exact: true }).count()).resolves.toBe(0);
    await dialog.getByRole('textbox').first().fill(`${year}年度优秀校友联络员`);
    await dialog.getByRole('checkbox', { name: '林徽因' }).check();
    const nominated = page.waitForResponse((r) => r.url().endsWith('/honours/bulk'));
    await dialog
      .getByRole('button', {
        name: t('appraisal.award.submit').replace('{n}', '1'),
      })
      .click();
    expect((await nominated).status()).toBe(201);

    const nominations = page.getByTestId('nominations');
    await nominations.getByText('林徽因').waitFor({ timeout: 30000 });
    const approved = page.waitForResponse((r) => r.url().includes('/approve'));
    await nominations.getByRole('button', { name: t('appraisal.nominations.approve') }).click();
    expect((await approved).status()).toBe(200);
    await page.screenshot({
      path: path.join(SHOTS, `appraisal-closed-${language}.png`),
      fullPage: true,
    });

    const honours = await strapiApp()
      .db.query('plugin::liaison.honour')
      .findMany({
        where: { alumnus: { documentId: world.people[0].alumnus.documentId } },
      });
    expect(honours.map((h: any) => [h.kind, h.honourStatus, h.title])).toEqual([['title', 'awarded', `${year}年度优秀校友联络员`]]);
    await page.context().close();
  }, 240000);
});

/**
 * A new user's first look at a 1440 px screen: the whole table is in view, every post
 * names its scope and then, apart, its dimension, and the page-size selector shows its size.
 */
describe.each(
  inTestedLanguages([
    ['en', 2073],
    ['zh-Hans', 2074],
  ] as const)
)('the Appraisal workspace at 1440 px in %s', (language, year) => {
  const t = (key: string) => (MESSAGES[language] as Record<string, string>)[key];
  const enumLabel = (field: string, value: string) => ENUM_LABELS[field][value][language === 'en' ? 0 : 1];

  it('fits the results table on the screen, separates scope and dimension, and shows the page size', async () => {
    // Eleven classes with a liaison each: more than the smallest page, so the page-size selector shows.
    // One name and one class name are long words without a space (as imports bring): they wrap too.
    const college = await makeCollege();
    for (let i = 0; i < 11; i++) {
      const className = i === 10 ? `Wolfeschlegelsteinhausenbergerdorff-Memorial-Class${year}` : unique(`宽度测试${i}班`);
      const cohort = await makeCohort({ college: college.documentId, className });
      const name = i === 10 ? `Bartholomew-Montgomery-Featherstonehaugh${year}` : `宽${i}号${year}`;
      const alumnus = await makeAlumnus({ name, cohort: cohort.documentId });
      await strapiApp()
        .documents('plugin::liaison.liaison')
        .create({
          data: { dimension: 'cohort', cohort: cohort.documentId, alumnus: alumnus.documentId, role: 'monitor', termStart: `${year}-01-01`, termEnd: `${year}-12-31`, postStatus: 'active' } as any,
        });
    }
    const cycle = await api.post('/liaison/cycles').send({
      name: unique(`${year}年度考核`),
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      criteria: [
        { key: 'contacts', kind: 'measured', measure: 'contacts', weight: 20 },
        { key: 'events', kind: 'measured', measure: 'events_organised', weight: 10 },
        { key: 'feedback', kind: 'measured', measure: 'feedback_on_time', weight: 10 },
        { key: 'verified', kind: 'measured', measure: 'records_verified', weight: 10 },
        { key: 'performance', kind: 'scored', weight: 25 },
        { key: 'case', kind: 'scored', weight: 15 },
        { key: 'presentation', kind: 'scored', weight: 10 },
      ],
    });
    expect(cycle.status).toBe(201);

    const page = await signInAdmin(browser, baseUrl, { email, password: PASSWORD }, language, { width: 1440, height: 1000 });
    await page.goto(`${baseUrl}/admin/plugins/liaison/appraisal?cycle=${cycle.body.data.documentId}`);
    await page.getByRole('heading', { name: t('appraisal.title'), level: 1 }).waitFor({ timeout: 60000 });
    const table = page.getByTestId('results-table');
    await table.getByTestId('result-row').first().waitFor({ timeout: 30000 });
    await expect(table.getByTestId('result-row').count()).resolves.toBeGreaterThan(10);

    await page.screenshot({ path: path.join(SHOTS, `appraisal-1440-${language}.png`), fullPage: true });
    // The last column (rank) ends inside the window, and nothing scrolls sideways.
    const lastHeader = table.locator('thead th').last();
    expect((await lastHeader.innerText()).toLowerCase()).toContain(t('appraisal.column.rank').toLowerCase());
    for (const cell of [lastHeader, table.getByTestId('result-row').first().locator('td').last()]) {
      const box = await cell.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
    }
    // No box around the table scrolls sideways (the table's own wrapper scrolls when it is too wide).
    const overflow = await table.evaluate((el) => {
      const hidden: string[] = [];
      for (let node: HTMLElement | null = el as HTMLElement; node; node = node.parentElement) {
        const scrolls = ['auto', 'scroll'].includes(getComputedStyle(node).overflowX);
        if (scrolls && node.scrollWidth > node.clientWidth + 1) hidden.push(`${node.tagName} ${node.scrollWidth - node.clientWidth}px`);
      }
      return { page: document.documentElement.scrollWidth - window.innerWidth, hidden };
    });
    expect(overflow.page).toBeLessThanOrEqual(0);
    expect(overflow.hidden).toEqual([]);

    // The post: the class's name, then the dimension on a line of its own.
    const post = table.getByTestId('result-row').filter({ hasText: `宽0号${year}` }).getByTestId('post');
    const scope = await post.getByTestId('post-scope').boundingBox();
    const dimension = await post.getByTestId('post-dimension').boundingBox();
    expect(await post.getByTestId('post-dimension').innerText()).toBe(enumLabel('dimension', 'cohort'));
    expect(dimension!.y).toBeGreaterThanOrEqual(scope!.y + scope!.height - 1);

    // The page-size selector shows the page size in use (25).
    const pageSize = page.getByRole('combobox', { name: language === 'en' ? 'Entries per page' : '每页条目数' });
    await pageSize.waitFor({ timeout: 30000 });
    expect((await pageSize.innerText()).trim()).toBe('25');
    await page.context().close();
  }, 240000);
});

import type { Browser, Page } from 'playwright-core';
import path from 'path';
import { adminToken, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { launchBrowser, listen, signInAdmin } from '../helpers/browser';
import { makeAlumnus, makeCohort, makeCollege, makeIndustry } from '../helpers/fixtures';
import en from '../../plugins/liaison/admin/src/translations/en.json';
import zh from '../../plugins/liaison/admin/src/translations/zh-Hans.json';
import { ENUM_LABELS } from '../../plugins/liaison/admin/src/strings/enum-labels';
import { ADMIN_LANGUAGES, inTestedLanguages } from '../helpers/languages';

/**
 * Staff open the Assignment board, find a class without liaisons, nominate and
 * approve one, and see the hole close; college staff see only their college.
 */
const SHOTS = path.join(__dirname, '../screenshots');
const PASSWORD = 'E2e-Board-Pass-2026';
const MESSAGES = { en, 'zh-Hans': zh } as const;

let browser: Browser;
let baseUrl: string;
let officeEmail: string;
let collegeStaffEmail: string;
const world: Record<string, any> = {};

const createAdmin = async (roleName: string | null, email: string) => {
  const app = strapiApp();
  const role = roleName
    ? await app.db.query('admin::role').findOne({ where: { name: roleName } })
    : await app.service('admin::role').getSuperAdmin();
  return app.service('admin::user').create({ email, firstname: 'E2E', lastname: 'Board', password: PASSWORD, isActive: true, roles: [role.id] });
};

beforeAll(async () => {
  await setupStrapi();
  baseUrl = await listen();
  officeEmail = `${unique('office').toLowerCase()}@liaison.test`;
  collegeStaffEmail = `${unique('college').toLowerCase()}@liaison.test`;
  await createAdmin(null, officeEmail);
  const staff = await createAdmin('College Staff', collegeStaffEmail);

  world.college = await makeCollege({ name: unique('测试学院') });
  world.otherCollege = await makeCollege({ name: unique('外院') });
  world.cohort = await makeCohort({ college: world.college.documentId, className: unique('看板测试班') });
  world.otherCohort = await makeCohort({ college: world.otherCollege.documentId, className: unique('外院班') });
  world.first = await makeAlumnus({ name: '钱学森', cohort: world.cohort.documentId, contactConsent: true });
  world.second = await makeAlumnus({ name: '邓稼先', cohort: world.cohort.documentId, contactConsent: true });
  await strapiApp().documents('plugin::liaison.college').update({
    documentId: world.college.documentId,
    data: { staff: { connect: [staff.id] } } as any,
  });
  // A college of eleven classes (more than the smallest page), one of whose alumni lives in
  // Japan, where no chapter is, and an industry group of its own.
  world.filtered = await makeCollege({ name: unique('筛选学院') });
  for (let i = 0; i < 11; i++) {
    const cohort = await makeCohort({ college: world.filtered.documentId, className: unique(`筛选班${i}`) });
    if (i === 0) await makeAlumnus({ name: '吴健雄', cohort: cohort.documentId, country: 'JP', province: '東京都', city: '東京' });
  }
  world.industry = await makeIndustry({ name: unique('测试行业'), nameEn: unique('Test sector') });
  // Two posts for this class whatever other tests set as the default.
  const quota = await withToken(await adminToken()).put('/liaison/quotas').send({ dimension: 'cohort', scope: world.cohort.documentId, posts: 2 });
  expect(quota.status).toBe(200);
  browser = await launchBrowser();
}, 180000);

afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

const signIn = (email: string, language: 'en' | 'zh-Hans'): Promise<Page> =>
  signInAdmin(browser, baseUrl, { email, password: PASSWORD }, language, { width: 1440, height: 1000 });

const rowOf = (page: Page, name: string) => page.getByTestId('coverage-row').filter({ hasText: name });
/** The numbers of a coverage row: alumni, posts, active, vacancies, pending, ending. */
const numbersOf = async (page: Page, name: string) => {
  const cells = await rowOf(page, name).locator('td').allInnerTexts();
  return cells.slice(1, 7).map((c) => Number(c.trim()));
};

/** Reads until the value is the expected one (the board reloads after a change), or gives the last value read. */
const settle = async <T,>(read: () => Promise<T>, expected: T, timeout = 30000): Promise<T> => {
  const until = Date.now() + timeout;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 250));
    value = await read();
  }
  return value;
};

describe.each(
  inTestedLanguages([
    ['en', 'first', 'qxs'],
    ['zh-Hans', 'second', 'djx'],
  ] as const)
)('the Assignment board in %s', (language, who, initials) => {
  const t = (key: string) => (MESSAGES[language] as Record<string, string>)[key];
  const status = (value: string) => ENUM_LABELS.postStatus[value][language === 'en' ? 0 : 1];

  it('nominates and approves a class liaison, and the hole closes', async () => {
    const page = await signIn(officeEmail, language);
    const className = world.cohort.className;
    await page.goto(`${baseUrl}/admin/plugins/liaison?dimension=cohort&college=${world.college.documentId}`);
    await page.getByRole('heading', { name: t('board.title'), level: 1 }).waitFor({ timeout: 60000 });
    await rowOf(page, className).waitFor({ timeout: 30000 });
    const [, posts, activeBefore, vacanciesBefore] = await numbersOf(page, className);
    expect(posts).toBe(2);
    await expect(page.getByTestId('coverage-row').filter({ hasText: world.otherCohort.className }).count()).resolves.toBe(0);

    await rowOf(page, className).click();
    const panel = page.getByRole('dialog');
    // The classmate is suggested, with the reasons in the admin language.
    const candidate = panel.getByTestId('candidate').filter({ hasText: world[who].name });
    await candidate.waitFor({ timeout: 30000 });
    expect(await candidate.innerText()).toContain(t('assignment.candidate.consented'));
    await panel.getByRole('button', { name: t('board.nominate.open'), exact: true }).first().click();
    const dialog = page.getByRole('dialog').filter({ hasText: t('board.nominate.alumnus') });
    await dialog.getByPlaceholder(t('board.nominate.search')).fill(initials);
    await dialog.getByRole('button', { name: new RegExp(world[who].name) }).click();
    const nominated = page.waitForResponse((r) => r.url().endsWith('/liaison/posts') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: t('board.nominate.submit'), exact: true }).last().click();
    expect((await nominated).status()).toBe(201);

    const post = page.getByTestId('scope-post').filter({ hasText: world[who].name });
    await post.getByText(status('nominated'), { exact: true }).waitFor({ timeout: 30000 });
    const approved = page.waitForResponse((r) => r.url().includes('/approve'));
    await post.getByRole('button', { name: t('board.approve.submit'), exact: true }).click();
    expect((await approved).status()).toBe(200);
    await post.getByText(status('active'), { exact: true }).waitFor({ timeout: 30000 });
    await page.screenshot({ path: path.join(SHOTS, `board-scope-${language}.png`) });
    await page.keyboard.press('Escape');

    expect(await settle(() => numbersOf(page, className).then((n) => n.slice(2, 4)), [activeBefore + 1, vacanciesBefore - 1])).toEqual([
      activeBefore + 1,
      vacanciesBefore - 1,
    ]);
    await page.screenshot({ path: path.join(SHOTS, `board-${language}.png`), fullPage: true });
    await page.context().close();
  }, 180000);

  it('shows college staff their own college only', async () => {
    const page = await signIn(collegeStaffEmail, language);
    await page.goto(`${baseUrl}/admin/plugins/liaison?dimension=cohort&pageSize=100`);
    await rowOf(page, world.cohort.className).waitFor({ timeout: 60000 });
    await expect(rowOf(page, world.otherCohort.className).count()).resolves.toBe(0);
    await page.context().close();
  }, 120000);
});

describe.each(ADMIN_LANGUAGES)('the Assignment board’s filters in %s', (language) => {
  const t = (key: string) => (MESSAGES[language] as Record<string, string>)[key];
  const japan = new Intl.DisplayNames([language], { type: 'region' }).of('JP')!;

  it('names countries in the admin language, offers pickers for country and sector, and shows the page size', async () => {
    const page = await signIn(officeEmail, language);
    await page.goto(`${baseUrl}/admin/plugins/liaison?dimension=cohort&college=${world.filtered.documentId}`);
    await page.getByRole('heading', { name: t('board.title'), level: 1 }).waitFor({ timeout: 60000 });
    await page.getByTestId('coverage-row').first().waitFor({ timeout: 30000 });

    // The next chapter: Japan by its name, not "JP".
    const next = page.getByTestId('next-chapters');
    await next.getByText(japan, { exact: false }).waitFor({ timeout: 30000 });
    expect(await next.innerText()).not.toMatch(/\bJP\b/);

    // Eleven classes: the page-size selector shows the size in use.
    const pageSize = page.getByRole('combobox', { name: language === 'en' ? 'Entries per page' : '每页条目数' });
    expect((await pageSize.innerText()).trim()).toBe('25');

    // Country: a picker of the countries alumni live in, by name.
    const country = page.getByRole('combobox', { name: t('board.filter.country') });
    await country.click();
    await page.getByRole('option', { name: japan, exact: true }).click();
    expect(await country.inputValue()).toBe(japan);
    // Province: those of the country chosen.
    const province = page.getByRole('combobox', { name: t('board.filter.province') });
    await province.click();
    await page.getByRole('option', { name: '東京都', exact: true }).click();
    // Sector: the industry groups, by code and name.
    const sector = page.getByRole('combobox', { name: t('board.filter.sector') });
    await sector.click();
    const sectorName = language === 'en' ? world.industry.nameEn : world.industry.name;
    await page.getByRole('option', { name: `${world.industry.code} · ${sectorName}` }).click();
    await page.getByRole('button', { name: t('board.filter.apply'), exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('country') === 'JP' && url.searchParams.get('province') === '東京都' && url.searchParams.get('sector') === world.industry.code);
    await page.screenshot({ path: path.join(SHOTS, `board-filters-${language}.png`), fullPage: true });
    // After the reload from the URL the pickers still name what was chosen.
    await page.reload();
    await page.getByRole('heading', { name: t('board.title'), level: 1 }).waitFor({ timeout: 60000 });
    expect(await settle(() => page.getByRole('combobox', { name: t('board.filter.country') }).inputValue(), japan)).toBe(japan);
    await page.context().close();
  }, 180000);
});

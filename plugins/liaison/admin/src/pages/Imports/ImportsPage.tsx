import { Alert, Box, Button, Checkbox, Flex, Typography } from '@strapi/design-system';
import { Play, Upload } from '@strapi/icons';
import { Layouts, Page, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportCreateOptions, ImportField, ImportJob, ImportPreview } from '../../../../server/src/admin-api-types';
import { useErrorMessage } from '../../api/errors';
import { useDownloadRejected, useImportFinished, usePreviewImport, useStartImport, type ImportMapping } from '../../api/mutations';
import { useImport, useImports } from '../../api/queries';
import { useEnumLabel, useT } from '../../utils/labels';
import { DEFAULT_PAGE_SIZE } from '../../utils/pageSize';
import { HistoryTable } from './HistoryTable';
import { ImportReport } from './ImportReport';
import { MappingTable, useMappingProblems } from './MappingTable';
import { Callout, Step, useFormat } from './parts';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CREATE_KEYS = ['cohorts', 'colleges', 'industries'] as const;

type Query = { import?: string; page?: string; pageSize?: string };

/** What a dry run was run on: the file, its columns and the options. A real run needs the same. */
const signatureOf = (file: File | null, mapping: ImportMapping, create: ImportCreateOptions) =>
  file ? JSON.stringify([file.name, file.size, file.lastModified, mapping, create]) : null;

/**
 * Imports (导入校友数据): choose the registrar's file, check what each column is read as,
 * dry run (counts and rejected rows, nothing written), import, follow the progress; the
 * history of every import with its rejected rows.
 */
export const ImportsPage = () => {
  const t = useT();
  const label = useEnumLabel();
  const format = useFormat();
  const messageOf = useErrorMessage();
  const { toggleNotification } = useNotification();
  const [{ query }, setQuery] = useQueryParams<Query>();
  const input = useRef<HTMLInputElement>(null);
  const reportRef = useRef<HTMLDivElement>(null);

  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [create, setCreate] = useState<ImportCreateOptions>({});
  const [dryRunOf, setDryRunOf] = useState<{ documentId: string; signature: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);

  const previewing = usePreviewImport();
  const starting = useStartImport();
  const finished = useImportFinished();
  const download = useDownloadRejected();
  const problemsOf = useMappingProblems();

  const history = useImports({ page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE });
  const current = useImport(query.import);
  const job = current.data?.data;

  const signature = signatureOf(file, mapping, create);
  const problems = useMemo(() => (preview ? problemsOf(preview, mapping) : []), [preview, mapping]);

  // An import that finishes while on screen: the history and, after a real run, what counts alumni are read again.
  const lastStatus = useRef<{ documentId: string; status: string } | null>(null);
  useEffect(() => {
    if (!job) return;
    const before = lastStatus.current;
    lastStatus.current = { documentId: job.documentId, status: job.status };
    if (!before || before.documentId !== job.documentId) return;
    const wasLive = before.status === 'queued' || before.status === 'running';
    if (!wasLive || job.status === before.status || (job.status !== 'done' && job.status !== 'failed')) return;
    finished(job);
    if (job.status === 'failed')
      toggleNotification({ type: 'danger', message: job.failure?.message ?? t('imports.failed', 'The import failed') });
    else if (!job.dryRun) toggleNotification({ type: 'success', message: t('imports.done.title', 'Imported') });
  }, [job?.documentId, job?.status]);

  const choose = async (chosen: File | null) => {
    if (!chosen) return;
    setFileError(null);
    setStartError(null);
    try {
      const answer = await previewing.mutateAsync({ file: chosen });
      setFile(chosen);
      setPreview(answer);
      setMapping(Object.fromEntries(answer.columns.filter((c) => c.header).map((c) => [c.header, c.field])));
      setCreate({});
      setDryRunOf(null);
    } catch (error) {
      setFile(null);
      setPreview(null);
      setFileError(messageOf(error));
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const start = async (dryRun: boolean) => {
    if (!file) return;
    setStartError(null);
    try {
      const started = await starting.mutateAsync({ file, mapping, create, dryRun });
      if (dryRun && signature) setDryRunOf({ documentId: started.documentId, signature });
      // The file is in: the page turns to its progress, and step 1 is ready for the next file.
      if (!dryRun) reset();
      lastStatus.current = { documentId: started.documentId, status: started.status };
      setQuery({ import: started.documentId });
      setTimeout(() => reportRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
    } catch (error) {
      const message = messageOf(error);
      setStartError(message);
      toggleNotification({ type: 'danger', message });
    }
  };

  const open = (chosen: ImportJob) => {
    setQuery({ import: chosen.documentId });
    setTimeout(() => reportRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
  };

  const saveRejected = async (chosen: Pick<ImportJob, 'documentId' | 'fileName'>) => {
    try {
      await download(chosen);
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
  };

  const reset = () => {
    setFile(null);
    setPreview(null);
    setMapping({});
    setCreate({});
    setDryRunOf(null);
    setFileError(null);
    setStartError(null);
  };

  const isDryRunOfNow = !!job && !!dryRunOf && dryRunOf.documentId === job.documentId;
  const canRun = isDryRunOfNow && dryRunOf?.signature === signature && job?.status === 'done';
  const stale = isDryRunOfNow && dryRunOf?.signature !== signature;
  const title = t('imports.title', 'Imports');
  const busy = previewing.isPending || starting.isPending;

  return (
    <Page.Main aria-busy={history.isFetching && !history.data}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t(
          'imports.subtitle',
          "Load alumni from the registrar's and colleges' spreadsheets: check the columns, dry run, then import",
        )}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={5}>
          <Step n={1} testId="step-file" active={!preview} title={t('imports.step.file', 'Choose the file')}>
            <input
              ref={input}
              type="file"
              accept={ACCEPT}
              hidden
              data-testid="import-file"
              onChange={(e) => void choose(e.target.files?.[0] ?? null)}
            />
            {preview && file ? (
              <Flex gap={4} alignItems="center" wrap="wrap" data-testid="chosen-file">
                <Typography fontWeight="bold">{preview.fileName}</Typography>
                <Typography textColor="neutral600">
                  {[
                    label('format', preview.format),
                    format.size(preview.size),
                    preview.encoding ? t(`imports.encoding.${preview.encoding}`, preview.encoding) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography>
                <Button variant="secondary" size="S" startIcon={<Upload />} onClick={() => input.current?.click()} disabled={busy}>
                  {t('imports.file.change', 'Choose another file')}
                </Button>
              </Flex>
            ) : (
              <Flex direction="column" alignItems="flex-start" gap={3}>
                <Typography textColor="neutral700">
                  {t(
                    'imports.file.help',
                    'A CSV file (UTF-8 or GB18030, as Excel saves it) or an Excel workbook (.xlsx, first sheet) with a header row. Chinese and English headers such as 姓名, 学号, 学院, 班级, 手机 are recognised.',
                  )}
                </Typography>
                <Button
                  startIcon={<Upload />}
                  onClick={() => input.current?.click()}
                  loading={previewing.isPending}
                  data-testid="choose-file"
                >
                  {t('imports.file.choose', 'Choose a CSV or XLSX file')}
                </Button>
              </Flex>
            )}
            {fileError ? (
              <Box paddingTop={3}>
                <Alert
                  variant="danger"
                  closeLabel={t('imports.close', 'Close')}
                  onClose={() => setFileError(null)}
                  title={t('imports.file.error', 'This file cannot be imported')}
                  data-testid="file-error"
                >
                  {fileError}
                </Alert>
              </Box>
            ) : null}
          </Step>

          <Step n={2} testId="step-mapping" active={!!preview} title={t('imports.step.mapping', 'Check the columns')}>
            {preview ? (
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Typography textColor="neutral700">
                  {t(
                    'imports.mapping.help',
                    'Each column of the file and what it will be imported as. Change what is wrong; columns not imported are left out.',
                  )}
                </Typography>
                <MappingTable
                  preview={preview}
                  mapping={mapping}
                  onChange={(header: string, field: ImportField | null) => setMapping((m) => ({ ...m, [header]: field }))}
                />
                {problems.length ? (
                  <Callout tone="warning" title={t('imports.mapping.problems', 'Before the dry run')} testId="mapping-problems">
                    {problems.map((p) => (
                      <Typography key={p} tag="p">
                        {p}
                      </Typography>
                    ))}
                  </Callout>
                ) : null}
                <Box>
                  <Typography variant="sigma" textColor="neutral600" tag="p">
                    {t('imports.create.title', 'When the file names one the network does not have yet')}
                  </Typography>
                  <Flex gap={6} paddingTop={2} wrap="wrap" data-testid="create-options">
                    {CREATE_KEYS.map((key) => (
                      <Flex key={key} direction="column" alignItems="flex-start" gap={1}>
                        <Checkbox
                          checked={!!create[key]}
                          disabled={!preview.canCreate[key]}
                          onCheckedChange={(checked: boolean | 'indeterminate') => setCreate((c) => ({ ...c, [key]: checked === true }))}
                          data-testid={`create-${key}`}
                        >
                          {t(`imports.create.${key}`, `Create ${key}`)}
                        </Checkbox>
                        {!preview.canCreate[key] ? (
                          <Typography variant="pi" textColor="neutral500">
                            {t('imports.create.officeOnly', 'Only the alumni office may')}
                          </Typography>
                        ) : null}
                      </Flex>
                    ))}
                  </Flex>
                  <Typography variant="pi" textColor="neutral600" tag="p" style={{ paddingTop: 8 }}>
                    {t(
                      'imports.create.help',
                      'Otherwise a row naming an unknown college, class or industry group is rejected with that reason.',
                    )}
                  </Typography>
                </Box>
                {startError ? (
                  <Alert
                    variant="danger"
                    closeLabel={t('imports.close', 'Close')}
                    onClose={() => setStartError(null)}
                    title={t('imports.start.error', 'The import could not start')}
                  >
                    {startError}
                  </Alert>
                ) : null}
                <Flex justifyContent="flex-end" gap={2}>
                  <Button
                    startIcon={<Play />}
                    disabled={problems.length > 0 || busy}
                    loading={starting.isPending && starting.variables?.dryRun === true}
                    onClick={() => void start(true)}
                    data-testid="dry-run"
                  >
                    {t('imports.dryRun.button', 'Dry run')}
                  </Button>
                </Flex>
              </Flex>
            ) : (
              <Typography textColor="neutral500">{t('imports.mapping.wait', 'Choose a file first: its columns appear here.')}</Typography>
            )}
          </Step>

          <div ref={reportRef}>
            <Step
              n={3}
              testId="step-report"
              active={!!job}
              title={job && !job.dryRun ? t('imports.step.run', 'Import') : t('imports.step.report', 'Dry run and import')}
            >
              {job ? (
                <ImportReport
                  job={job}
                  canRun={canRun}
                  stale={stale}
                  starting={starting.isPending && starting.variables?.dryRun === false}
                  onRun={() => void start(false)}
                  onDownload={() => void saveRejected(job)}
                />
              ) : current.error ? (
                <Typography textColor="danger600">{messageOf(current.error)}</Typography>
              ) : (
                <Typography textColor="neutral500">
                  {t(
                    'imports.report.wait',
                    'The dry run counts the new, updated, unchanged and rejected rows without writing anything; then you import.',
                  )}
                </Typography>
              )}
            </Step>
          </div>

          <Box background="neutral0" hasRadius shadow="tableShadow" padding={5} tag="section" aria-labelledby="import-history-title">
            <Box paddingBottom={4}>
              <Typography variant="delta" tag="h2" id="import-history-title">
                {t('imports.history.title', 'History')}
              </Typography>
            </Box>
            <HistoryTable
              list={history.data}
              loading={history.isFetching}
              pageSize={query.pageSize}
              current={query.import}
              onOpen={open}
              onDownload={(j) => void saveRejected(j)}
            />
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

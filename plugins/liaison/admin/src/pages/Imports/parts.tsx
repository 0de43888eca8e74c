import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { CheckCircle, CrossCircle, WarningCircle } from '@strapi/icons';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { ImportField, ImportJob, ImportStatus } from '../../../../server/src/admin-api-types';
import { useEnumLabel, useT } from '../../utils/labels';

/** A field's name in the admin's language. */
export const useFieldName = () => {
  const t = useT();
  return (field: ImportField | null | undefined) =>
    field ? t(`imports.field.${field}`, field) : t('imports.mapping.ignore', 'Not imported');
};

const STATUS_COLOURS: Record<ImportStatus, [string, string]> = {
  queued: ['neutral150', 'neutral700'],
  running: ['secondary100', 'secondary700'],
  done: ['success100', 'success700'],
  failed: ['danger100', 'danger700'],
};

export const StatusBadge = ({ status }: { status: ImportStatus }) => {
  const label = useEnumLabel();
  const [bg, fg] = STATUS_COLOURS[status] ?? ['neutral150', 'neutral700'];
  return (
    <Badge backgroundColor={bg} textColor={fg} data-testid="import-status">
      {label('importStatus', status)}
    </Badge>
  );
};

/** "Dry run" or "Import". */
export const KindBadge = ({ dryRun }: { dryRun: boolean }) => {
  const t = useT();
  return dryRun ? (
    <Badge backgroundColor="warning100" textColor="warning700">
      {t('imports.kind.dryRun', 'Dry run')}
    </Badge>
  ) : (
    <Badge backgroundColor="primary100" textColor="primary700">
      {t('imports.kind.run', 'Import')}
    </Badge>
  );
};

/** Who started an import: their name, else their e-mail; the command line when no one signed in. */
export const useWho = () => {
  const t = useT();
  const label = useEnumLabel();
  return (job: ImportJob) => {
    const by = job.startedBy;
    const name = by ? [by.firstname, by.lastname].filter(Boolean).join(' ') || by.email || '' : '';
    if (name) return name;
    return job.source ? label('source', job.source) : t('imports.who.unknown', 'Unknown');
  };
};

export const useFormat = () => {
  const intl = useIntl();
  return {
    number: (n: number) => intl.formatNumber(n),
    percent: (p: number) => intl.formatNumber(p, { style: 'percent', maximumFractionDigits: 0 }),
    when: (iso: string | null | undefined) => (iso ? intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : ''),
    day: (iso: string | null | undefined) => (iso ? intl.formatDate(iso, { dateStyle: 'medium' }) : ''),
    time: (iso: string | null | undefined) => (iso ? intl.formatTime(iso, { timeStyle: 'short' }) : ''),
    size: (bytes: number) =>
      bytes >= 1024 * 1024
        ? `${intl.formatNumber(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`
        : `${intl.formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`,
  };
};

/** A numbered step of the import: its title, and what it holds. */
export const Step = ({
  n,
  title,
  active,
  children,
  actions,
  testId,
}: {
  n: number;
  title: string;
  active: boolean;
  children?: ReactNode;
  actions?: ReactNode;
  testId: string;
}) => (
  <Box
    background="neutral0"
    hasRadius
    shadow="tableShadow"
    padding={5}
    data-testid={testId}
    tag="section"
    aria-labelledby={`${testId}-title`}
  >
    <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
      <Flex gap={3} alignItems="center">
        <Flex
          justifyContent="center"
          alignItems="center"
          background={active ? 'primary600' : 'neutral200'}
          style={{ width: 28, height: 28, borderRadius: '50%', flexShrink: 0 }}
        >
          <Typography fontWeight="bold" textColor={active ? 'neutral0' : 'neutral600'}>
            {n}
          </Typography>
        </Flex>
        <Typography variant="delta" tag="h2" id={`${testId}-title`} textColor={active ? 'neutral800' : 'neutral600'}>
          {title}
        </Typography>
      </Flex>
      {actions ? <Flex gap={2}>{actions}</Flex> : null}
    </Flex>
    {children ? <Box paddingTop={4}>{children}</Box> : null}
  </Box>
);

const CALLOUT_ICONS = { success: CheckCircle, danger: CrossCircle, warning: WarningCircle } as const;

/** Good news, bad news or something to put right, with a title. */
export const Callout = ({
  tone,
  title,
  children,
  testId,
}: {
  tone: 'success' | 'danger' | 'warning';
  title: string;
  children: ReactNode;
  testId?: string;
}) => {
  const Icon = CALLOUT_ICONS[tone];
  return (
    <Box
      background={`${tone}100`}
      borderColor={`${tone}200`}
      hasRadius
      padding={4}
      data-testid={testId}
      role={tone === 'success' ? 'status' : 'alert'}
    >
      <Flex gap={3} alignItems="flex-start">
        <Box color={`${tone}600`} paddingTop={1}>
          <Icon />
        </Box>
        <Box>
          <Typography fontWeight="bold" tag="p">
            {title}
          </Typography>
          {children}
        </Box>
      </Flex>
    </Box>
  );
};

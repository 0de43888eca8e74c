import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { DuplicatePair, DuplicateSide, EvidenceKey, MergeValue } from '../../../../server/src/admin-api-types';
import { useEnumLabel, useT } from '../../utils/labels';
import { useCountryName } from '../../utils/places';

const ALUMNUS = 'plugin::liaison.alumnus';

/** A field of the alumnus by its Content Manager label (姓名, 学号 …). */
export const useAlumnusField = () => {
  const { formatMessage } = useIntl();
  return (field: string) => formatMessage({ id: `content-manager.content-types.${ALUMNUS}.${field}`, defaultMessage: field });
};

const ENUM_FIELDS = ['gender', 'degree', 'alumnusStatus', 'language'];

/** A record's value as people read it: enumerations and countries by name, yes/no, dates as dates. */
export const useValue = () => {
  const t = useT();
  const label = useEnumLabel();
  const country = useCountryName();
  const intl = useIntl();
  return (field: string, value: MergeValue): string => {
    if (value === null || value === '') return '—';
    if (typeof value === 'boolean') return value ? t('duplicates.yes', 'Yes') : t('duplicates.no', 'No');
    if (ENUM_FIELDS.includes(field)) return label(field === 'language' ? 'recipientLocale' : field, String(value));
    if (field === 'country') return country(String(value));
    if (field === 'lastVerifiedAt') return intl.formatDate(String(value), { dateStyle: 'medium' });
    return String(value);
  };
};

/** The score as a bar and a percentage: how sure the scan is that these are one person. */
export const ScoreBar = ({ score }: { score: number }) => {
  const { formatNumber } = useIntl();
  const colour = score >= 0.85 ? 'danger500' : score >= 0.6 ? 'warning500' : 'neutral400';
  return (
    <Flex gap={2} alignItems="center" data-testid="score">
      <Box background="neutral150" hasRadius style={{ width: 64, height: 8, overflow: 'hidden' }} aria-hidden>
        <Box background={colour} style={{ width: `${Math.round(score * 100)}%`, height: '100%' }} />
      </Box>
      <Typography fontWeight="bold">{formatNumber(score, { style: 'percent', maximumFractionDigits: 0 })}</Typography>
    </Flex>
  );
};

const EVIDENCE_NAMES: Record<EvidenceKey, string> = {
  studentNo: 'Student number (prefix or zeros aside)',
  phone: 'Same phone',
  email: 'Same e-mail',
  name: 'Same name in the class',
  nameScript: 'Same name, traditional / simplified',
  nameSwapped: 'Family and given name swapped',
  namePinyin: 'Same pinyin in the class',
};

/** What links the two records, each piece as a badge with its detail. */
export const Evidence = ({ evidence }: { evidence: DuplicatePair['evidence'] }) => {
  const t = useT();
  return (
    <Flex gap={1} wrap="wrap" data-testid="evidence">
      {evidence.map((e) => (
        <Box
          key={e.key}
          background={e.key === 'studentNo' || e.key === 'phone' || e.key === 'email' ? 'danger100' : 'warning100'}
          hasRadius
          paddingLeft={2}
          paddingRight={2}
          paddingTop={1}
          paddingBottom={1}
        >
          <Typography variant="pi" textColor="neutral800">
            {t(`duplicates.evidence.${e.key}`, EVIDENCE_NAMES[e.key] ?? e.key)}
            {e.detail ? `: ${e.detail}` : ''}
          </Typography>
        </Box>
      ))}
    </Flex>
  );
};

/** One record of a pair in a table cell: name, student number, class and college. */
export const Side = ({ side }: { side: DuplicateSide }) => (
  <Flex direction="column" alignItems="flex-start" style={{ maxWidth: 170 }}>
    <Typography fontWeight="bold">{side.name}</Typography>
    {side.studentNo ? <Typography variant="pi" textColor="neutral600">{side.studentNo}</Typography> : null}
    <Typography variant="pi" textColor="neutral600" ellipsis style={{ maxWidth: 170 }}>
      {[side.cohort, side.college].filter(Boolean).join(' · ')}
    </Typography>
  </Flex>
);

import { useIntl } from 'react-intl';
import { getTranslation } from './getTranslation';

/** Translates a plugin message id: t('board.title', 'Assignment board', { n: 1 }). */
export const useT = () => {
  const { formatMessage } = useIntl();
  return (id: string, defaultMessage: string, values?: Record<string, any>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values) as string;
};

/** An enumeration value in the admin's language: liaison.enum.<field>.<value>, from admin/src/strings/enum-labels.ts. */
export const useEnumLabel = () => {
  const t = useT();
  return (field: string, value: string | null | undefined) => (value ? t(`enum.${field}.${value}`, value) : '');
};

import { useMemo } from 'react';
import { useIntl } from 'react-intl';

/**
 * Country names in the admin's language from the ISO 3166 codes alumni and chapters store
 * ("CN" → "中国" / "China"), by the browser's Intl.DisplayNames; a value that is not a code
 * is shown as it is.
 */
export const useCountryName = () => {
  const { locale } = useIntl();
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
    } catch {
      names = null;
    }
    return (code: string | null | undefined): string => {
      if (!code) return '';
      const value = code.trim();
      if (!names || !/^[A-Za-z]{2}$|^\d{3}$/.test(value)) return value;
      try {
        return names.of(value.toUpperCase()) ?? value;
      } catch {
        return value;
      }
    };
  }, [locale]);
};

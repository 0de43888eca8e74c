/**
 * The plugin's types store countries as ISO 3166 codes ("CN"); the Content Manager's list
 * shows them as the country's name in the admin's language ("中国" / "China").
 */
import { Typography } from '@strapi/design-system';
import { useCountryName } from '../utils/places';

const CountryCell = ({ value }: { value: unknown }) => {
  const countryName = useCountryName();
  const code = typeof value === 'string' ? value : '';
  if (!code) return <Typography textColor="neutral800">-</Typography>;
  return (
    <Typography textColor="neutral800" ellipsis title={code}>
      {countryName(code)}
    </Typography>
  );
};

type Header = { name: string; attribute?: { type?: string }; cellFormatter?: unknown };

const isPluginList = () => /\/content-manager\/collection-types\/plugin::liaison\./.test(decodeURIComponent(window.location.pathname));

export const registerCountryDisplay = (app: { registerHook: (name: string, fn: (args: any) => unknown) => void }) => {
  app.registerHook(
    'Admin/CM/pages/ListView/inject-column-in-table',
    ({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) => ({
      layout,
      displayedHeaders: displayedHeaders.map((header) =>
        header.name === 'country' && header.attribute?.type === 'string' && typeof header.cellFormatter !== 'function' && isPluginList()
          ? { ...header, cellFormatter: (row: Record<string, unknown>) => <CountryCell value={row.country} /> }
          : header
      ),
    })
  );
};

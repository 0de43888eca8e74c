import { Box, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useT } from '../../utils/labels';
import { useEventOptions } from './api';

/** Picks one of the events the user may see (newest first), kept in the page's `event` query parameter. */
export const EventPicker = ({ value, onChange }: { value: string | undefined; onChange: (documentId: string) => void }) => {
  const t = useT();
  const intl = useIntl();
  const events = useEventOptions();
  return (
    <Box style={{ width: 420 }}>
      <SingleSelect
        aria-label={t('checkIn.event', 'Event')}
        placeholder={t('checkIn.event.pick', 'Choose an event')}
        value={value ?? ''}
        onChange={(v: string | number) => onChange(String(v))}
        disabled={events.isLoading}
      >
        {(events.data ?? []).map((e) => (
          <SingleSelectOption key={e.documentId} value={e.documentId}>
            {e.startsAt ? `${intl.formatDate(e.startsAt, { dateStyle: 'medium' })} · ${e.title}` : e.title}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Box>
  );
};

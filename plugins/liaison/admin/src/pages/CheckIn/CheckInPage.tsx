import { useRef, useState, type FormEvent } from 'react';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { Check, Cross, Eye } from '@strapi/icons';
import { Layouts, Page, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { CheckInResult } from '../../../../server/src/admin-api-types';
import { useErrorMessage } from '../../api/errors';
import { useT } from '../../utils/labels';
import { codeOf, useArrivals, useCheckIn } from './api';
import { EventPicker } from './EventPicker';
import { Scanner } from './Scanner';

type Outcome = { ok: true; result: CheckInResult } | { ok: false; message: string; code: string };

/**
 * The door: pick the event, then scan each arriving person's QR code with the device's
 * camera or type the code. Says who arrived (and how many guests they bring) or why not,
 * and keeps a running count of arrivals against registrations.
 */
export const CheckInPage = () => {
  const t = useT();
  const intl = useIntl();
  const messageOf = useErrorMessage();
  const [{ query }, setQuery] = useQueryParams<{ event?: string }>();
  const event = query.event || undefined;
  const arrivals = useArrivals(event);
  const checking = useCheckIn(event);
  const [code, setCode] = useState('');
  const [camera, setCamera] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [recent, setRecent] = useState<CheckInResult[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const title = t('checkIn.title', 'Door check-in');

  const submit = async (text: string) => {
    const value = codeOf(text);
    if (!value || !event) return;
    try {
      const result = await checking.mutateAsync(value);
      setOutcome({ ok: true, result });
      setRecent((list) => [result, ...list].slice(0, 10));
    } catch (error) {
      setOutcome({ ok: false, message: messageOf(error), code: value });
    }
    setCode('');
    input.current?.focus();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(code);
  };
  const counts = arrivals.data?.counts;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('checkIn.subtitle', 'Scan the QR code of each arriving person, or type their code')}
        secondaryAction={
          event ? (
            <Button variant="tertiary" tag={Link} to={`/plugins/liaison/registrations?event=${event}`}>
              {t('registrations.title', 'Registrations')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <EventPicker
            value={event}
            onChange={(documentId) => {
              setOutcome(null);
              setRecent([]);
              setQuery({ event: documentId });
            }}
          />
          {!event ? (
            <Typography textColor="neutral600">{t('checkIn.pickFirst', 'Choose the event people are arriving at.')}</Typography>
          ) : (
            <>
              <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius>
                <Flex direction="column" alignItems="stretch" gap={3}>
                  <Typography variant="alpha" data-testid="arrival-count">
                    {counts
                      ? t('checkIn.count', '{checkedIn} of {registered} arrived', { checkedIn: counts.checkedIn, registered: counts.registered })
                      : '…'}
                  </Typography>
                  {counts && (
                    <Typography textColor="neutral600" data-testid="arrival-people">
                      {t('checkIn.people', '{arrived, plural, one {# person} other {# people}} in, guests included; {seats} seats taken; {waiting} on the waiting list', {
                        arrived: counts.arrived,
                        seats: counts.seatsTaken,
                        waiting: counts.waiting,
                      })}
                    </Typography>
                  )}
                </Flex>
              </Box>
              <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius>
                <form onSubmit={onSubmit}>
                  <Flex gap={2} alignItems="flex-end">
                    <Box style={{ flex: 1, maxWidth: 420 }}>
                      <Field.Root name="code">
                        <Field.Label>{t('checkIn.code', 'Check-in code')}</Field.Label>
                        <TextInput
                          ref={input}
                          autoFocus
                          autoComplete="off"
                          value={code}
                          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setCode(e.target.value)}
                          placeholder={t('checkIn.code.placeholder', 'Scan or type the code')}
                        />
                      </Field.Root>
                    </Box>
                    <Button type="submit" startIcon={<Check />} loading={checking.isPending} disabled={!code.trim()}>
                      {t('checkIn.submit', 'Check in')}
                    </Button>
                    <Button type="button" variant="secondary" startIcon={<Eye />} onClick={() => setCamera((c) => !c)}>
                      {camera ? t('checkIn.camera.off', 'Stop the camera') : t('checkIn.camera.on', 'Scan with the camera')}
                    </Button>
                  </Flex>
                </form>
                {camera && (
                  <Box paddingTop={4}>
                    <Scanner onCode={(text) => void submit(text)} />
                  </Box>
                )}
              </Box>
              {outcome && (
                <Box
                  padding={5}
                  hasRadius
                  background={outcome.ok ? 'success100' : 'danger100'}
                  borderColor={outcome.ok ? 'success200' : 'danger200'}
                  data-testid="check-in-outcome"
                  role="status"
                >
                  {outcome.ok ? (
                    <Flex gap={3}>
                      <Check fill="success700" width="2.4rem" height="2.4rem" />
                      <Flex direction="column" alignItems="flex-start" gap={1}>
                        <Typography variant="beta" textColor="success700">
                          {t('checkIn.welcome', '{name} has arrived', { name: outcome.result.displayName })}
                        </Typography>
                        <Typography textColor="success700">
                          {outcome.result.guests
                            ? t('checkIn.guests', 'With {guests, plural, one {# guest} other {# guests}}', { guests: outcome.result.guests })
                            : t('checkIn.noGuests', 'No guests')}
                        </Typography>
                      </Flex>
                    </Flex>
                  ) : (
                    <Flex gap={3}>
                      <Cross fill="danger700" width="2.4rem" height="2.4rem" />
                      <Flex direction="column" alignItems="flex-start" gap={1}>
                        <Typography variant="beta" textColor="danger700">
                          {t('checkIn.refused', 'Not checked in')}
                        </Typography>
                        <Typography textColor="danger700">{outcome.message}</Typography>
                      </Flex>
                    </Flex>
                  )}
                </Box>
              )}
              {recent.length > 0 && (
                <Box background="neutral0" padding={5} shadow="tableShadow" hasRadius>
                  <Typography variant="delta" tag="h2">{t('checkIn.recent', 'Checked in at this desk')}</Typography>
                  <Box tag="ul" paddingTop={2}>
                    {recent.map((r) => (
                      <li key={r.documentId}>
                        <Typography>
                          {r.checkedInAt ? intl.formatTime(r.checkedInAt) : ''} · {r.displayName}
                          {r.guests ? ` · ${t('checkIn.guests', 'With {guests, plural, one {# guest} other {# guests}}', { guests: r.guests })}` : ''}
                        </Typography>
                      </li>
                    ))}
                  </Box>
                </Box>
              )}
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

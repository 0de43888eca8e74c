import { checkOrder } from './dates';
import { fieldError, type FieldError } from './field-error';

export interface EventState {
  startsAt: string | null;
  endsAt: string | null;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  venue: string | null;
  onlineUrl: string | null;
  organisers: { chapter: boolean; college: boolean; industry: boolean };
}

const isWebUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/** Rules every saved event (draft or published) keeps. */
export const checkEvent = (event: EventState): FieldError[] => {
  const errors: FieldError[] = [
    ...checkOrder({ field: 'startsAt', value: event.startsAt }, { field: 'endsAt', value: event.endsAt }),
    ...checkOrder(
      { field: 'registrationOpensAt', value: event.registrationOpensAt },
      { field: 'registrationClosesAt', value: event.registrationClosesAt }
    ),
  ];
  const closes = event.registrationClosesAt;
  const eventEnd = event.endsAt ?? event.startsAt;
  if (closes && eventEnd && new Date(closes).getTime() > new Date(eventEnd).getTime()) {
    errors.push(fieldError('registrationClosesAt', 'event.registrationAfterEnd'));
  }
  if (event.onlineUrl && !isWebUrl(event.onlineUrl)) {
    errors.push(fieldError('onlineUrl', 'event.url'));
  }
  const organisers = Object.entries(event.organisers).filter(([, set]) => set).map(([name]) => name);
  if (organisers.length > 1) {
    errors.push(fieldError(organisers[1], 'event.organisers', { fields: organisers.join(' and ') }));
  }
  return errors;
};

/** What an event needs before the public may see it. */
export const checkEventPublishable = (event: EventState): FieldError[] =>
  event.venue?.trim() || event.onlineUrl?.trim()
    ? []
    : [fieldError('venue', 'event.venue')];

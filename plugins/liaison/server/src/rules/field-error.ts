import { format, type MessageId, type MessageValues } from './messages';

/**
 * One broken rule, named by the field a person would correct, and said by message id and
 * values (the catalogue in ./messages says it in each language); `message` is the English.
 */
export interface FieldError {
  path: string;
  id: MessageId;
  values: Record<string, string>;
  message: string;
}

export const fieldError = (path: string, id: MessageId, values: MessageValues = {}): FieldError => {
  const written = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]));
  return { path, id, values: written, message: format(id, written, 'en') };
};

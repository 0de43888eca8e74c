export * from './field-error';
export * from './dates';
export * from './liaison-post';
export * from './event';
export * from './story';
export * from './quotas';
export * from './search-key';

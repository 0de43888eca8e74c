import { secret } from '../src/utils/secret';

export default () => ({
  auth: {
    secret: secret('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: secret('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: secret('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: secret('ENCRYPTION_KEY'),
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
  // No front end to preview yet: without this, every edit view offers "Set up preview".
  preview: {
    enabled: false,
  },
  watchIgnoreFiles: ['**/tests/**', '**/bench/**'],
});

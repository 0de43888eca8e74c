import { secret } from '../src/utils/secret';

export default () => ({
  auth: {
    secret: secret('ADMIN_JWT_SECRET', 'dev-admin-jwt-secret-change-me'),
  },
  apiToken: {
    salt: secret('API_TOKEN_SALT', 'dev-api-token-salt-change-me'),
  },
  transfer: {
    token: {
      salt: secret('TRANSFER_TOKEN_SALT', 'dev-transfer-token-salt-change-me'),
    },
  },
  secrets: {
    encryptionKey: secret('ENCRYPTION_KEY', 'dev-encryption-key-change-me'),
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

import { defineService, getAtt, ref, table } from '../../config/src/index.js';

export default defineService({
  service: 'sdp-access',
  resources: {
    // Every API checks the caller's key here (shared requireApiKey middleware); `npm run keys`
    // creates, rotates and revokes them. Items hold a key's SHA-256 only, never the key.
    ApiKeysTable: table({ name: 'api-keys', key: { key_id: 'S' }, sseEnabled: true }),
  },
  outputs: { ApiKeysTableName: ref('ApiKeysTable'), ApiKeysTableArn: getAtt('ApiKeysTable', 'Arn') },
});

import type { PasskeyRow } from './passkeys.repo.js';

/** A passkey as its owner sees it; the key material and credential id stay on the server. */
export function presentPasskey(row: PasskeyRow) {
  return {
    id: row.id,
    name: row.name,
    transports: row.transports,
    backedUp: row.backedUp,
    createdAt: new Date(row.createdAt).toISOString(),
    lastUsedAt: row.lastUsedAt ? new Date(row.lastUsedAt).toISOString() : null,
  };
}

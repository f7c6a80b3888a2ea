const STORAGE_KEY = 'sdp-api-key';

/**
 * The API key the dashboard reads with: given once in the address as `#key=<key>` (a fragment never
 * reaches a server or its logs), then kept for this browser tab and taken out of the address bar.
 */
export function readApiKey(location: Location, storage: Storage, history: History): string | undefined {
  const fromAddress = new URLSearchParams(location.hash.slice(1)).get('key')?.trim();
  if (fromAddress) {
    storage.setItem(STORAGE_KEY, fromAddress);
    history.replaceState(null, '', location.pathname + location.search);
    return fromAddress;
  }
  return storage.getItem(STORAGE_KEY) ?? undefined;
}

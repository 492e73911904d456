/**
 * What the public edition of the site (`plan site --public`, for the county
 * portal) leaves out: contact data (never shown on any page), internal notes
 * (the ledger keeper's `note` on units and groups, the notes of history
 * records), and evidence links marked internal.
 *
 * An evidence link is internal when it is written `internal:…`, is not an
 * http(s) link (a file path, a share, a mail link), or points at a host the
 * public cannot reach: localhost, a private or link-local address, a name
 * without a dot, or an intranet suffix (.local, .lan, .internal, .intranet,
 * .corp, .home.arpa).
 */

const INTRANET = /\.(local|lan|internal|intranet|corp|home\.arpa|localdomain)$/i;

export function isInternalLink(link: string): boolean {
  if (/^internal:/i.test(link)) return true;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return true;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return true;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || INTRANET.test(host)) return true;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) {
    const [a, b] = host.split('.').map(Number) as [number, number];
    return a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  if (host.includes(':')) return host === '::1' || /^f[cd]/.test(host) || host.startsWith('fe80');
  return !host.includes('.');
}

/** Only http(s) links become links; anything else (javascript:, data:, a path) is shown as text. */
export function safeHref(link: string): string | undefined {
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

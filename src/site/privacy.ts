/**
 * What the public edition of the site (`plan site --public`, for the county
 * portal) leaves out: contact data (never shown on any page), internal notes
 * (the ledger keeper's `note` on units and groups, the notes of history
 * records), and evidence links marked internal.
 *
 * An evidence link is internal when it is written `internal:…`, is not an
 * http(s) link (a file path, a share, a mail link), or points at a host the
 * public cannot reach: read as the browser reads it (WHATWG URL: 0x7f.1 and
 * 2130706433 are 127.0.0.1), with trailing dots taken off (`localhost.`,
 * `intranet.`), it is localhost, a name without a dot, an intranet suffix
 * (.local, .lan, .internal, .intranet, .corp, .home, .home.arpa, …), an IPv4
 * address that is not public (private, loopback, link-local, shared, this
 * network, benchmarking, multicast, reserved), or an IPv6 address outside
 * the global unicast range or one that carries an IPv4 address (::ffff:…,
 * 64:ff9b::, 2002::) of that kind.
 *
 * Credentials written into a link (`https://user:pass@host/`) are never shown:
 * every link the site shows, in either edition, is shown without them.
 */

const INTRANET = /\.(local|lan|internal|intranet|corp|home|home\.arpa|localdomain|private|test|invalid|arpa|localhost)$/i;

export function isInternalLink(link: string): boolean {
  if (/^internal:/i.test(link)) return true;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return true;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return true;
  return isInternalHost(url.hostname);
}

export function isInternalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.+$/, '');
  if (host === '' || host === 'localhost' || INTRANET.test(host)) return true;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return !isPublicIPv4(host.split('.').map(Number));
  if (host.includes(':')) return !isPublicIPv6(host);
  return !host.includes('.');
}

function isPublicIPv4([a = 0, b = 0, c = 0]: number[]): boolean {
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 100 && b >= 64 && b <= 127) return false; // shared (carrier NAT)
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return false;
  if (a === 198 && (b === 18 || b === 19)) return false;
  if ((a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return false; // documentation
  return true;
}

/** Global unicast (2000::/3) only, and never one that carries a non-public IPv4 address. */
function isPublicIPv6(host: string): boolean {
  const groups = expandIPv6(host);
  if (!groups) return false;
  const embedded = (hi: number, lo: number): number[] => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64): the IPv4 address decides, and it is never taken as public here.
  if (groups.slice(0, 5).every((g) => g === 0) && (groups[5] === 0xffff || groups[5] === 0)) return false;
  if (groups[0] === 0x64 && groups[1] === 0xff9b) return false;
  if (groups[0]! >> 13 !== 1) return false;
  if (groups[0] === 0x2002) return isPublicIPv4(embedded(groups[1]!, groups[2]!));
  if (groups[0] === 0x2001 && groups[1] === 0x0db8) return false; // documentation
  return true;
}

function expandIPv6(host: string): number[] | undefined {
  let text = host.replace(/%.*$/, '');
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const part = (s: string): number[] => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const head = part(halves[0]!);
  const tail = halves.length === 2 ? part(halves[1]!) : [];
  const fill = 8 - head.length - tail.length;
  if (fill < 0 || (halves.length === 1 && fill !== 0) || [...head, ...tail].some((g) => !Number.isInteger(g) || g < 0 || g > 0xffff)) return undefined;
  return [...head, ...Array<number>(fill).fill(0), ...tail];
}

/** A link as the site shows it: without the user name and password written into it. */
export function withoutCredentials(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link;
  }
  if (url.username === '' && url.password === '') return link;
  url.username = '';
  url.password = '';
  return url.href;
}

/** Only http(s) links become links, never with credentials; anything else (javascript:, data:, a path) is shown as text. */
export function safeHref(link: string): string | undefined {
  try {
    const url = new URL(link);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return undefined;
  }
}

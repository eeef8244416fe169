/**
 * A point in a session's journal (how many events, and the chain's hash after them) signed with the
 * key of the installation that wrote or exported it. The chain hash commits to every event before it,
 * and the events to every sealed transcript, so a signed head vouches for the whole history up to it.
 */
export interface SignedHead {
  events: number;
  hash: string;
  /** The Ed25519 public key, its 32 bytes in base64url. */
  publicKey: string;
  /** The Ed25519 signature of `headStatement(events, hash)`, base64url. */
  signature: string;
}

/** The exact text that is signed: a version, the event count and the chain hash. */
export function headStatement(events: number, hash: string): string {
  return `cms-ha journal head v1 ${events} ${hash}`;
}

const PAPER_PREFIX = 'CMSHA1';

/**
 * The signed head as one line of text: what the report's QR code holds and what `cms-ha verify --paper`
 * takes back, so a paper copy alone can be checked against the session folder.
 */
export function paperHeadText(head: SignedHead): string {
  return [PAPER_PREFIX, head.events, head.hash, head.publicKey, head.signature].join(' ');
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The inverse of `paperHeadText`; null for anything else (a typo, another code). */
export function parsePaperHead(text: string): SignedHead | null {
  const [prefix, events, hash, publicKey, signature, extra] = text.trim().split(/\s+/);
  if (prefix !== PAPER_PREFIX || extra !== undefined || !events || !/^[1-9]\d{0,8}$/.test(events))
    return null;
  if (!hash || !/^[0-9a-f]{64}$/.test(hash)) return null;
  if (!publicKey || !BASE64URL.test(publicKey) || !signature || !BASE64URL.test(signature)) return null;
  return { events: Number(events), hash, publicKey, signature };
}

/** A long hex fingerprint in groups of four, as it is printed for reading aloud or typing. */
export function groupedHex(hex: string): string {
  return hex.replace(/(.{4})(?=.)/g, '$1 ');
}

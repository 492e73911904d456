/**
 * Who may change which file of a plan repository, judged commit by commit
 * (`plan check --since`), for forges or set-ups that do not enforce code owners.
 *
 * - `status/<unit>.yaml` (a regular file) belongs to that unit's maintainers
 *   and to the office: the office collects the units' forms and records them
 *   on their behalf.
 * - every other file of the repository belongs to the office alone: plan.yaml,
 *   units.yaml, tasks/…, and everything outside the plan folder, above all what
 *   CI runs (package.json, the lock file, .npmrc, .github/, .gitlab/, .gitea/,
 *   the CI files, CODEOWNERS). A change to units.yaml by anyone else is itself
 *   an error, so a unit cannot make itself a maintainer of another unit's file.
 * - a commit is judged by the owners in force in its parent (a merge: its
 *   first parent), never by the list it writes itself.
 * - a merge is judged by every path whose result differs from its first
 *   parent, except a path it took unchanged from another parent whose own
 *   commits in the range wrote exactly that (those commits are judged).
 * - who made a commit: its author field (free text, enforced only by the
 *   forge's code owners), or in signed mode the owner of the key that signed
 *   it, as units.yaml listed the keys in the commit's parent.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostic.js';
import type { Commit, Signature } from '../load/git-log.js';

/** Maintainers and signing keys of the office and of each unit, as units.yaml stood at one revision. */
export interface OwnerTable {
  office: Party;
  units: Map<string, Party>;
}

export interface Party {
  maintainers: string[];
  /** SSH public keys (`ssh-ed25519 AAAA… comment`) and OpenPGP fingerprints (hex). */
  signingKeys: string[];
}

const NOBODY: OwnerTable = { office: { maintainers: [], signingKeys: [] }, units: new Map() };

/** The owner table of a units.yaml's data, whatever shape it has (a broken file names nobody). */
export function ownerTable(raw: unknown): OwnerTable {
  if (raw === null || typeof raw !== 'object') return NOBODY;
  const r = raw as { office?: unknown; units?: unknown };
  const units = new Map<string, Party>();
  if (Array.isArray(r.units)) {
    for (const u of r.units as unknown[]) {
      const id = (u as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && !units.has(id)) units.set(id, party(u));
    }
  }
  return { office: party(r.office), units };
}

function party(raw: unknown): Party {
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const p = (raw ?? {}) as { maintainers?: unknown; signingKeys?: unknown };
  return { maintainers: strings(p.maintainers), signingKeys: strings(p.signingKeys) };
}

/** An SSH public key line's `SHA256:` fingerprint, as git and ssh-keygen print it; undefined for anything else. */
export function sshFingerprint(key: string): string | undefined {
  const m = /^\s*((?:sk-)?(?:ssh|ecdsa)-[A-Za-z0-9@.-]+)\s+([A-Za-z0-9+/]+={0,2})(?:\s|$)/.exec(key);
  if (!m) return undefined;
  const blob = Buffer.from(m[2]!, 'base64');
  // The key blob starts with its own type: a key pasted under the wrong type is no key.
  if (blob.length < 4 || blob.subarray(4, 4 + blob.readUInt32BE(0)).toString('latin1') !== m[1]) return undefined;
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** An OpenPGP fingerprint written with or without spaces, upper case; undefined for anything else. */
export function openpgpFingerprint(key: string): string | undefined {
  const hex = key.replace(/\s+/g, '').toUpperCase();
  return /^(?:[0-9A-F]{40}|[0-9A-F]{64})$/.test(hex) ? hex : undefined;
}

/** The SSH keys of a table, for the allowed-signers file: the principal is the party. */
export function sshSigners(table: OwnerTable): { principal: string; key: string }[] {
  const out: { principal: string; key: string }[] = [];
  const add = (principal: string, p: Party): void => {
    for (const k of p.signingKeys) if (sshFingerprint(k)) out.push({ principal, key: k.trim().split(/\s+/).slice(0, 2).join(' ') });
  };
  add('office', table.office);
  for (const [id, p] of table.units) add(`unit-${id}`, p);
  return out;
}

/** Who made a commit: the parties it speaks for, and how it is named in a message. */
interface Actor {
  office: boolean;
  units: Set<string>;
  shown: string;
}

/**
 * Does a maintainer entry name this author? An entry with an `@` inside is an
 * e-mail address, compared without regard to case. Otherwise it is a forge
 * user name (`@name` or `name`): it matches the author's name, or the user
 * part of a forge's no-reply address (`123+name@users.noreply.github.com`).
 * Teams (`@org/team`) are for CODEOWNERS; git cannot tell who is in them.
 */
export function namesAuthor(entry: string, authorName: string, authorEmail: string): boolean {
  const bare = entry.startsWith('@') ? entry.slice(1) : entry;
  if (bare.includes('@')) return bare.toLowerCase() === authorEmail.toLowerCase();
  if (bare.includes('/')) return false;
  const user = bare.toLowerCase();
  if (authorName.toLowerCase() === user) return true;
  const [local = '', domain = ''] = authorEmail.toLowerCase().split('@');
  return /(^|\.)noreply\./.test(domain) && (local === user || local.endsWith(`+${user}`));
}

function authorActor(commit: Commit, table: OwnerTable): Actor {
  const names = (p: Party): boolean => p.maintainers.some((m) => namesAuthor(m, commit.authorName, commit.authorEmail));
  return {
    office: names(table.office),
    units: new Set([...table.units].filter(([, p]) => names(p)).map(([id]) => id)),
    shown: `${commit.authorName} <${commit.authorEmail}>`,
  };
}

/** The parties whose listed keys made the signature; undefined when none did or it does not verify. */
function signerActor(sig: Signature | undefined, table: OwnerTable): Actor | undefined {
  if (!sig) return undefined;
  let holds: (p: Party) => boolean;
  let key: string;
  if (sig.sshKey !== undefined) {
    // git found the key among the allowed signers made from this very table.
    if (sig.status !== 'G') return undefined;
    key = sig.sshKey;
    holds = (p) => p.signingKeys.some((k) => sshFingerprint(k) === key);
  } else {
    // OpenPGP: a good signature from the keyring ('U': nobody certified the key, but its fingerprint is pinned here).
    if ((sig.status !== 'G' && sig.status !== 'U') || sig.fingerprints.length === 0) return undefined;
    key = sig.fingerprints[0]!;
    holds = (p) => p.signingKeys.some((k) => sig.fingerprints.includes(openpgpFingerprint(k) ?? '-'));
  }
  const actor: Actor = { office: holds(table.office), units: new Set([...table.units].filter(([, p]) => holds(p)).map(([id]) => id)), shown: '' };
  if (!actor.office && actor.units.size === 0) return undefined;
  actor.shown = `${key} (${[...(actor.office ? ['office'] : []), ...actor.units].join(', ')})`;
  return actor;
}

export interface JudgeOptions {
  /** The plan folder inside the repository ('' for the top). */
  planPath: string;
  /** How the user named the plan folder. */
  shownAs: string;
  /** The owner table in force in a revision (units.yaml there). */
  ownersAt: (rev: string) => OwnerTable;
  /** Signed mode: each commit's verified signature (a commit not in the map has none). */
  signatures?: Map<string, Signature>;
}

/**
 * Whether a commit is the office's: by its author in the owners of its parent,
 * or in signed mode by the key that signed it (an unsigned commit is nobody's).
 */
export function officeActs(commit: Commit, options: JudgeOptions): boolean {
  const table = commit.parents[0] === undefined ? NOBODY : options.ownersAt(commit.parents[0]);
  if (options.signatures) return signerActor(options.signatures.get(commit.sha), table)?.office === true;
  return authorActor(commit, table).office;
}

/** One error per file a commit changes without being its owner's; in signed mode, one per commit that is not verifiably signed. */
export function judgeCommits(commits: readonly Commit[], options: JudgeOptions): Diagnostic[] {
  const prefix = options.planPath === '' ? '' : `${options.planPath}/`;
  const shownDir = options.shownAs === '' || options.shownAs === '.' ? '' : `${options.shownAs.replace(/\/+$/, '')}/`;
  const diagnostics: Diagnostic[] = [];
  for (const commit of commits) {
    const table = commit.parents[0] === undefined ? NOBODY : options.ownersAt(commit.parents[0]);
    const merge = commit.parents.length > 1 ? 1 : 0;
    let actor: Actor;
    if (options.signatures) {
      const sig = options.signatures.get(commit.sha);
      const signer = signerActor(sig, table);
      if (!signer) {
        diagnostics.push({
          code: !sig || sig.status === 'N' ? 'commit-unsigned' : 'commit-signature-unverified',
          severity: 'error',
          file: options.shownAs === '' ? '.' : options.shownAs,
          args: { commit: commit.sha.slice(0, 10), author: `${commit.authorName} <${commit.authorEmail}>`, merge, status: sig?.status ?? 'N', key: sig?.sshKey ?? sig?.fingerprints[0] ?? '' },
        });
        continue;
      }
      actor = signer;
    } else {
      actor = authorActor(commit, table);
    }
    for (const change of commit.changes) {
      if (commit.broughtIn?.has(change.path)) continue;
      const inPlan = change.path.startsWith(prefix) ? change.path.slice(prefix.length) : undefined;
      const status = inPlan === undefined ? undefined : /^status\/([^/]+)\.yaml$/.exec(inPlan);
      // A symlink or submodule at a status file's place is no status file: the office's to add.
      const unit = status && /^(?:100644|100755|000000)$/.test(change.mode) && table.units.has(status[1]!) ? status[1]! : undefined;
      if (actor.office || (unit !== undefined && actor.units.has(unit))) continue;
      const owners = [...table.office.maintainers, ...(unit === undefined ? [] : table.units.get(unit)!.maintainers)];
      diagnostics.push({
        code: owners.length === 0 && !options.signatures ? 'change-without-maintainers' : unit !== undefined ? 'change-to-other-unit' : 'change-to-office-file',
        severity: 'error',
        file: inPlan === undefined ? change.path : `${shownDir}${inPlan}`,
        args: { commit: commit.sha.slice(0, 10), author: actor.shown, unit: unit ?? '', owners: owners.join(', '), merge },
      });
    }
  }
  return diagnostics;
}

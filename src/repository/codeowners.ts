/**
 * CODEOWNERS in each forge's own dialect, so the forge itself enforces that a
 * unit changes only its own status file:
 *
 * - status/<unit>.yaml → the unit's maintainers and the office's (the office
 *   collects forms on the units' behalf and may record them);
 * - every other file of the plan folder, CODEOWNERS and the CI files → the office.
 *
 * GitHub and GitLab: gitignore-like patterns, the last match wins (GitLab:
 * within a section, so everything is one section). Users, teams, e-mail.
 * Gitea: anchored Go regular expressions; every matching rule adds its owners,
 * so the office's rules leave status/ out. Users and teams only, no e-mail.
 */
export type Forge = 'github' | 'gitlab' | 'gitea';

export interface OwnerLine {
  /** A path from the repository's top, with `/`; a folder ends in `/`. */
  path: string;
  owners: string[];
}

/** Who owns what: the plan folder, the repository's own files, each unit's status file. */
export interface CodeownersPlan {
  /** The plan folder from the top ('' for the top), with no trailing `/`. */
  planPath: string;
  office: string[];
  /** CODEOWNERS itself, the CI file: the office's. */
  repoFiles: string[];
  units: { id: string; owners: string[] }[];
}

/** A maintainer as CODEOWNERS writes it: user names with `@`, e-mail addresses as they are. */
export function ownerToken(entry: string): string {
  const bare = entry.startsWith('@') ? entry.slice(1) : entry;
  return bare.includes('@') ? bare : `@${bare}`;
}

export function isEmail(entry: string): boolean {
  return (entry.startsWith('@') ? entry.slice(1) : entry).includes('@');
}

export function renderCodeowners(forge: Forge, owned: CodeownersPlan, header: string): string {
  const out = [...header.split('\n').map((l) => (l === '' ? '#' : `# ${l}`)), ''];
  const write = (l: OwnerLine): void => {
    const tokens = forge === 'gitea' ? l.owners.filter((o) => !isEmail(o)) : l.owners;
    if (tokens.length > 0) out.push(`${pattern(forge, l.path)} ${[...new Set(tokens.map(ownerToken))].join(' ')}`);
  };
  const plan = owned.planPath === '' ? '' : `${owned.planPath}/`;
  if (forge === 'gitlab') out.push('[plan-ledger]');
  for (const file of owned.repoFiles) write({ path: file, owners: owned.office });
  if (forge === 'gitea') {
    write({ path: `${plan}*`, owners: owned.office });
    write({ path: `${plan}tasks/`, owners: owned.office });
  } else {
    write({ path: plan === '' ? '*' : plan, owners: owned.office });
  }
  for (const u of owned.units) write({ path: `${plan}status/${u.id}.yaml`, owners: [...u.owners, ...owned.office] });
  return `${out.join('\n')}\n`;
}

function pattern(forge: Forge, path: string): string {
  if (forge === 'gitea') {
    // `*` here means "the files right in this folder". Backslashes are doubled
    // as Gitea's documentation asks for escapes inside the expression.
    const files = path.endsWith('*');
    const literal = (files ? path.slice(0, -1) : path).replace(/[.+*?()|[\]{}^$\\]/g, (c) => `\\\\${c}`).replace(/[ #]/g, (c) => `\\${c}`);
    return files ? `${literal}[^/]*` : path.endsWith('/') ? `${literal}.*` : literal;
  }
  if (path === '*') return '*';
  return `/${path.replace(/[ #\\*?[\]!]/g, (c) => `\\${c}`)}`;
}

/**
 * The store: the one writer. Commands compute what to write and call these;
 * nothing else in the tool opens a file for writing.
 *
 * - writeFileAtomic: every file (exclusive temporary file, fsync, rename).
 * - writeOutput: a report, document or form the user asked for, by path.
 * - publishSite: a folder the site owns (manifest, no symlinks, stale pages removed).
 * - recordForUnit: a unit's status file, under its lock, checked before it is written.
 * - withLock: a lock on one file.
 * - editTogether: the one way to change several plan files together, through a
 *   journal that the next command finishes when the edit was killed halfway.
 * - the editors: YAML text in, YAML text out, comments and layout kept.
 * - commitFile: `--commit`, through git with argument arrays.
 */
export { writeFileAtomic } from './write.js';
export { writeOutput } from './output.js';
export { publishSite } from './publish.js';
export { recordForUnit, statusFileOf, type Recorded } from './record.js';
export { LockLost, LockTimeout, withLock } from './lock.js';
export { editTogether, recoverEdit, type FileEdit, type Recovery } from './journal.js';
export { editStatus, type StatusChange } from './status-edit.js';
export { recordReturn } from './returns-edit.js';
export { addAliases, addUnit, completeGroup, PlanFileUnusable, removeUnit, renameIdIn, setMaintainers, setMembership } from './units-edit.js';
export { fixUnitNames } from './fix-names.js';
export { checkAuthor, commitFile, requireRepo } from './git-commit.js';
export { gitRecord, gitReplay } from './git-replay.js';
export { ensureSecret, readSecret, secretFile } from './secret.js';
export { editReview, type ReviewAction, type ReviewEdit } from './review-edit.js';

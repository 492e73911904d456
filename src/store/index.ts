/**
 * The store: the one writer. Commands compute what to write and call these;
 * nothing else in the tool opens a file for writing.
 *
 * - writeFileAtomic: every file (exclusive temporary file, fsync, rename).
 * - writeOutput: a report, document or form the user asked for, by path.
 * - recordForUnit: a unit's status file, under its lock, checked before it is written.
 * - withLock: a lock for edits of several files (units, groups).
 * - the editors: YAML text in, YAML text out, comments and layout kept.
 * - commitFile: `--commit`, through git with argument arrays.
 */
export { writeFileAtomic } from './write.js';
export { writeOutput } from './output.js';
export { recordForUnit, statusFileOf, type Recorded } from './record.js';
export { LockLost, LockTimeout, withLock } from './lock.js';
export { editStatus, type StatusChange } from './status-edit.js';
export { recordReturn } from './returns-edit.js';
export { addAliases, addUnit, completeGroup, PlanFileUnusable, removeUnit, renameIdIn, setMaintainers, setMembership } from './units-edit.js';
export { fixUnitNames } from './fix-names.js';
export { checkAuthor, commitFile, requireRepo } from './git-commit.js';
export { gitReplay } from './git-replay.js';

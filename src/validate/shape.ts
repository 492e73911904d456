/**
 * Shape: each file against its JSON Schema, with validators compiled at build
 * time (scripts/build-validators.mjs). Schema errors become diagnostics with a
 * path; positions are found later, only for files that have one.
 */
import type { Diagnostic } from '../diagnostic.js';
import type { FileKind } from '../load/plan-files.js';
import * as validators from './compiled.generated.js';
import type { SchemaError } from './compiled.generated.js';

/** Schema errors turned into diagnostics per file; more are counted (positions.ts lists fewer still). */
const SHAPE_LIMIT = 1000;

export function checkShape(kind: FileKind, file: string, data: unknown): Diagnostic[] {
  if (data === null || data === undefined) {
    return [{ code: 'file-empty', severity: 'error', file, path: [], args: {} }];
  }
  const validate = validators[kind];
  if (validate(data)) return [];
  const errors = oneBranch(validate.errors ?? []);
  // A hostile file can hold 100,000 wrong keys: only the first ones become diagnostics, the rest a count.
  if (errors.length <= SHAPE_LIMIT) return dedupe(errors.map((e) => toDiagnostic(file, e)));
  const more: Diagnostic = { code: 'more-problems', severity: 'error', file, args: { count: errors.length - SHAPE_LIMIT, shown: SHAPE_LIMIT, errors: errors.length - SHAPE_LIMIT, warnings: 0 } };
  return [...dedupe(errors.slice(0, SHAPE_LIMIT).map((e) => toDiagnostic(file, e))), more];
}

function toDiagnostic(file: string, e: SchemaError): Diagnostic {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const where = path.join('.') || '(root)';
  const base = { severity: 'error' as const, file, path };
  switch (e.keyword) {
    case 'required':
      return { ...base, code: 'schema-required', args: { where, property: String(e.params.missingProperty) } };
    case 'additionalProperties': {
      const property = String(e.params.additionalProperty);
      return { ...base, code: 'schema-unknown-property', path: [...path, property], args: { where, property } };
    }
    case 'type':
      return { ...base, code: 'schema-type', args: { where, expected: String(e.params.type) } };
    case 'enum':
      return { ...base, code: 'schema-enum', args: { where, allowed: (e.params.allowedValues as unknown[]).join(', ') } };
    case 'pattern':
      return { ...base, code: 'schema-pattern', args: { where, kind: patternKind(String(e.params.pattern)) } };
    case 'propertyNames':
      return { ...base, code: 'schema-pattern', args: { where, kind: 'id' } };
    default:
      return { ...base, code: 'schema', args: { where, detail: e.message ?? e.keyword } };
  }
}

/**
 * A value that may take one of several forms (`deadline: 2021-10-18` or
 * `deadline: { workdays: 10, from: signed }`) fails every branch of its
 * `anyOf`: the errors of the branch whose type the value has are the ones to
 * tell (else the first branch's), without the `anyOf` error itself.
 */
function oneBranch(errors: SchemaError[]): SchemaError[] {
  const anyOf = errors.filter((e) => e.keyword === 'anyOf');
  if (anyOf.length === 0) return errors;
  let kept = errors;
  for (const a of anyOf) {
    const base = `${a.schemaPath ?? ''}/`;
    // A branch that is a $ref reports under the referenced schema's path (#/$defs/date/pattern): its errors form one group of their own.
    const branchOf = (e: SchemaError): string | undefined => {
      if (e === a || !e.instancePath.startsWith(a.instancePath)) return undefined;
      const path = e.schemaPath ?? '';
      if (path.startsWith(base)) return path.slice(base.length).split('/')[0];
      return path.startsWith('#/$defs/') ? 'ref' : undefined;
    };
    const groups = [...new Set(kept.map(branchOf).filter((b): b is string => b !== undefined))].sort((x, y) => (x === 'ref' ? -1 : y === 'ref' ? 1 : Number(x) - Number(y)));
    const wrongType = (b: string): boolean => kept.some((e) => branchOf(e) === b && e.keyword === 'type' && e.instancePath === a.instancePath);
    const chosen = groups.find((b) => !wrongType(b)) ?? groups[0];
    kept = kept.filter((e) => e !== a && (branchOf(e) === undefined || branchOf(e) === chosen));
  }
  return kept;
}

/** What a pattern asks for, in words the messages know. */
function patternKind(pattern: string): string {
  if (pattern.includes('{4}-')) return 'date';
  if (pattern === '\\S') return 'text';
  if (pattern === '^\\S+$') return 'link';
  if (pattern.startsWith('^[A-Za-z_]+')) return 'timezone';
  return 'id';
}

/** `propertyNames` reports a name twice (the name and the keyword); keep one. */
function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}|${d.path?.join('/')}|${JSON.stringify(d.args)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

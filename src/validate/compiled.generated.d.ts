// Types for the validators that scripts/build-validators.mjs generates at build time.
export interface SchemaError {
  instancePath: string;
  schemaPath?: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
export interface Validator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}
export const plan: Validator;
export const units: Validator;
export const tasks: Validator;
export const status: Validator;
export const holidays: Validator;
export const scoring: Validator;

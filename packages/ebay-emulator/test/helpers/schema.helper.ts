import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';

const ajv = new Ajv({ allErrors: true, strict: false });
(addFormatsModule as unknown as (a: Ajv) => void)(ajv);

/** Assert that `data` matches `schema`, showing ajv's errors on failure. */
export function expectSchema(schema: object, data: unknown): void {
  const validate = ajv.compile(schema);
  const ok = validate(data);
  expect(ok ? [] : validate.errors).toEqual([]);
}

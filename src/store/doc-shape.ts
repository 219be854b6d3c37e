/**
 * Small structural checks for stored documents: what the code reads without further checks
 * (ids, codes, lists) must have the right type, or the store refuses the document at open,
 * and restore and `npm run check` (which use the same checks) refuse it before that.
 * A check returns the first problem found, naming where (`members[3].id is not a whole number`).
 */
export type Shape = (value: unknown, at: string) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export const text: Shape = (v, at) => (typeof v === 'string' ? undefined : `${at} is not text`);
export const bool: Shape = (v, at) => (typeof v === 'boolean' ? undefined : `${at} is not true/false`);
export const num: Shape = (v, at) => (typeof v === 'number' && Number.isFinite(v) ? undefined : `${at} is not a number`);
export const int: Shape = (v, at) => (Number.isSafeInteger(v) ? undefined : `${at} is not a whole number`);

export const optional =
  (shape: Shape): Shape =>
  (v, at) =>
    v === undefined ? undefined : shape(v, at);

export const oneOf =
  (values: readonly string[]): Shape =>
  (v, at) =>
    typeof v === 'string' && values.includes(v) ? undefined : `${at} is not one of ${values.join(', ')}`;

export const list =
  (item: Shape): Shape =>
  (v, at) => {
    if (!Array.isArray(v)) return `${at} is not a list`;
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };

/** An object used as a map: every value has the shape. */
export const record =
  (value: Shape): Shape =>
  (v, at) => {
    if (!isObject(v)) return `${at} is not an object`;
    for (const [key, entry] of Object.entries(v)) {
      const problem = value(entry, `${at}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  };

/** These fields have these shapes (others may be there too). */
export const fields =
  (shape: Record<string, Shape>): Shape =>
  (v, at) => {
    if (!isObject(v)) return `${at} is not an object`;
    for (const [key, check] of Object.entries(shape)) {
      const problem = check(v[key], at === '' ? key : `${at}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  };

/** A document's top level: `fields` named from the document's root. */
export const doc =
  (shape: Record<string, Shape>) =>
  (value: unknown): string | undefined =>
    fields(shape)(value, '');

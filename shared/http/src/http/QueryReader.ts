import { canonicalTimeZone } from './canonicalTimeZone.js';
import { EARLIEST_INSTANT, LATEST_INSTANT } from './constants.js';
import { InvalidRequestError } from './errors.js';
import { parseInstant } from './parseInstant.js';

export type QueryParameters = Readonly<Record<string, string | undefined>> | null | undefined;

/**
 * Reads an endpoint's query parameters one by one, applying defaults to absent ones and collecting
 * a sentence for each bad one, so that `finish` can answer every problem at once. A parameter the
 * endpoint does not read is a problem too: a misspelt `timeZone` must not silently mean UTC.
 *
 * @example
 * const query = new QueryReader({ desc: 'false' });
 * const desc = query.boolean('desc', true); // false
 * query.finish(); // throws InvalidRequestError if anything was wrong
 */
export class QueryReader {
  readonly #parameters: Readonly<Record<string, string | undefined>>;
  readonly #read: string[] = [];
  readonly #invalid = new Set<string>();
  readonly #problems: string[] = [];

  constructor(parameters: QueryParameters) {
    this.#parameters = parameters ?? {};
  }

  /** One of `allowed`, e.g. `period=hour`. */
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.#take(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    return this.#reject(name, `${name} must be one of ${allowed.join(', ')}; got '${value}'.`, fallback);
  }

  /** `true` or `false`. */
  boolean(name: string, fallback: boolean): boolean {
    const value = this.#take(name);
    if (value === undefined) return fallback;
    if (value === 'true' || value === 'false') return value === 'true';
    return this.#reject(name, `${name} must be true or false; got '${value}'.`, fallback);
  }

  /** A whole number from `min` to `max`, digits only. */
  integer(name: string, range: { min: number; max: number }, fallback: number): number {
    const value = this.#take(name);
    if (value === undefined) return fallback;
    const number = /^\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
    if (number >= range.min && number <= range.max) return number;
    return this.#reject(
      name,
      `${name} must be a whole number from ${range.min} to ${range.max}; got '${value}'.`,
      fallback,
    );
  }

  /** An ISO 8601 date-time with an offset, from 1970 to 9999; without a fallback, undefined when absent. */
  instant(name: string, fallback: Date): Date;
  instant(name: string): Date | undefined;
  instant(name: string, fallback?: Date): Date | undefined {
    const value = this.#take(name);
    if (value === undefined) return fallback;
    const instant = parseInstant(value);
    if (!instant) {
      const examples = 'e.g. 2026-03-29T00:00:00Z or 2026-03-29T00:00:00+01:00';
      return this.#reject(
        name,
        `${name} must be an ISO 8601 date-time with a UTC offset, ${examples}; got '${value}'.`,
        fallback,
      );
    }
    if (instant < EARLIEST_INSTANT || instant > LATEST_INSTANT) {
      return this.#reject(
        name,
        `${name} must lie between ${EARLIEST_INSTANT.toISOString()} and ${LATEST_INSTANT.toISOString()}; got '${value}'.`,
        fallback,
      );
    }
    return instant;
  }

  /** An IANA time zone, answered by its canonical name (`europe/paris` → `Europe/Paris`). */
  timeZone(name: string, fallback: string): string {
    const value = this.#take(name);
    if (value === undefined) return fallback;
    const canonical = canonicalTimeZone(value);
    if (canonical) return canonical;
    return this.#reject(
      name,
      `${name} must be an IANA time zone such as UTC, Europe/Paris or America/New_York; got '${value}'.`,
      fallback,
    );
  }

  /** A text matching `pattern` (e.g. an id); `what` says what it must look like. Absent: undefined, a problem when `required`. */
  text(name: string, rule: { pattern: RegExp; what: string; required?: boolean }): string | undefined {
    const value = this.#take(name);
    if (value === undefined) {
      if (rule.required) this.#reject(name, `${name} is required: ${rule.what}.`, undefined);
      return undefined;
    }
    if (rule.pattern.test(value)) return value;
    return this.#reject(name, `${name} must be ${rule.what}; got '${value.slice(0, 200)}'.`, undefined);
  }

  /** Whether every named parameter was absent or valid, so checks across them make sense. */
  isValid(...names: string[]): boolean {
    return names.every((name) => !this.#invalid.has(name));
  }

  /** Records a problem found across parameters, e.g. `from` after `to`. */
  addProblem(sentence: string): void {
    this.#problems.push(sentence);
  }

  /** Throws an `InvalidRequestError` naming every bad and every unknown parameter, if there are any. */
  finish(): void {
    const unknown = Object.keys(this.#parameters).filter((name) => !this.#read.includes(name));
    if (unknown.length > 0) {
      const names = unknown.map((name) => `'${name}'`).join(', ');
      const these = unknown.length === 1 ? 'is not a query parameter' : 'are not query parameters';
      const known = this.#read.length > 0 ? `it takes only ${this.#read.join(', ')}` : 'it takes none';
      this.#problems.push(`${names} ${these} of this endpoint; ${known}.`);
    }
    if (this.#problems.length > 0) throw new InvalidRequestError(this.#problems.join(' '));
  }

  #take(name: string): string | undefined {
    this.#read.push(name);
    return Object.hasOwn(this.#parameters, name) ? this.#parameters[name] : undefined;
  }

  #reject<T>(name: string, sentence: string, fallback: T): T {
    this.#invalid.add(name);
    this.#problems.push(sentence);
    return fallback;
  }
}

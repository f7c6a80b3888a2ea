import { CronExpressionParser } from 'cron-parser';
import { InvalidScheduleExpressionError } from '../../errors.js';

/** A schedule as a function from "now" to the next time it fires. */
export type NextFireTime = (after: Date) => Date;

const RATE_UNITS_MS: Record<string, number> = {
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
};

/**
 * Parses an EventBridge schedule expression: `rate(N minute|minutes|hour|hours|day|days)` or the
 * six-field AWS `cron(minutes hours day-of-month month day-of-week year)`, evaluated in UTC.
 *
 * AWS cron differs from Unix cron, which cron-parser reads: `?` means "any", day-of-week counts
 * 1 = Sunday, and there is a year field (only `*` is accepted here).
 *
 * @throws {@link InvalidScheduleExpressionError} for anything else.
 *
 * @example
 * ```ts
 * const next = parseScheduleExpression('cron(0 12 ? * MON-FRI *)');
 * next(new Date('2025-01-04T00:00:00Z')); // => 2025-01-06T12:00:00.000Z
 * ```
 */
export const parseScheduleExpression = (expression: string): NextFireTime => {
  const rate = /^rate\(\s*(\d+)\s+([a-z]+)\s*\)$/.exec(expression.trim());
  if (rate !== null) {
    const amount = Number(rate[1]);
    const unitMs = RATE_UNITS_MS[rate[2] ?? ''];
    if (unitMs === undefined || amount < 1) {
      throw new InvalidScheduleExpressionError(
        expression,
        'rate needs a positive number and minute(s), hour(s) or day(s)',
      );
    }
    return (after) => new Date(after.getTime() + amount * unitMs);
  }
  const cron = /^cron\((.*)\)$/.exec(expression.trim());
  if (cron === null) throw new InvalidScheduleExpressionError(expression, 'it is neither rate(...) nor cron(...)');
  const fields = (cron[1] ?? '').trim().split(/\s+/);
  if (fields.length !== 6) throw new InvalidScheduleExpressionError(expression, 'AWS cron has exactly six fields');
  const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (year !== '*') throw new InvalidScheduleExpressionError(expression, 'only * is supported in the year field');
  const unixCron = [minutes, hours, anyIfQuestion(dayOfMonth), month, toUnixDayOfWeek(anyIfQuestion(dayOfWeek))].join(
    ' ',
  );
  try {
    CronExpressionParser.parse(unixCron, { tz: 'UTC' });
  } catch (error) {
    throw new InvalidScheduleExpressionError(expression, (error as Error).message, { cause: error });
  }
  return (after) => CronExpressionParser.parse(unixCron, { tz: 'UTC', currentDate: after }).next().toDate();
};

const anyIfQuestion = (field: string): string => (field === '?' ? '*' : field);

/** AWS numbers days 1–7 from Sunday, Unix cron 0–6; step values (`/n`) are not days and stay. */
const toUnixDayOfWeek = (field: string): string =>
  field
    .split(',')
    .map((part) => {
      const [range = '', step] = part.split('/');
      const shifted = range.replace(/^(\d+)|(?<=-)(\d+)/g, (day) => String(Number(day) - 1));
      return step === undefined ? shifted : `${shifted}/${step}`;
    })
    .join(',');

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTask, validate } from 'node-cron';
import { latestFire } from '../../../src/domain/digests/periods.ts';
import { parseCron } from '../../../src/schedule/cron.ts';
import { seededRandom } from '../../helpers/random.ts';

/**
 * The digests ask "when did this schedule last fire?" (latestFire); node-cron decides when it
 * does fire. Both must agree on every expression /schedule accepts, day tokens included.
 * Rerun a failure with the seed it prints: CRON_PARITY_SEED=… (CRON_PARITY_COUNT=… for more cases).
 */
const SEED = Number(process.env.CRON_PARITY_SEED ?? 20261201);
const COUNT = Number(process.env.CRON_PARITY_COUNT ?? 2000);

/** node-cron fires at the next instant its walker finds (getNextMatch), which is what the reference asks. */
interface Walker {
  getNextMatch(after: Date): Date;
}
function nodeCronWalker(expression: string, timeZone: string): Walker {
  const task = createTask(expression, () => undefined, { timezone: timeZone });
  return (task as unknown as { timeMatcher: Walker }).timeMatcher;
}

/** The last time node-cron fires in [from, to]: a binary search over whole seconds on "is there a fire in [t, to]". */
function referenceLatestFire(walker: Walker, from: Date, to: Date): Date | undefined {
  const firesIn = (start: number) => {
    try {
      return walker.getNextMatch(new Date(start - 1000)).getTime() <= to.getTime();
    } catch {
      return false; // node-cron gives up on an expression that never matches within 100 years
    }
  };
  let low = Math.ceil(from.getTime() / 1000) * 1000;
  if (low > to.getTime() || !firesIn(low)) return undefined;
  let high = Math.floor(to.getTime() / 1000) * 1000;
  while (low < high) {
    const middle = low + Math.ceil((high - low) / 2000) * 1000;
    if (firesIn(middle)) low = middle;
    else high = middle - 1000;
  }
  return new Date(low);
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** A number, a list, a range or a step within [min, max]; `*` sometimes. */
function plainField(random: Random, min: number, max: number, starShare: number): string {
  const r = random();
  if (r < starShare) return '*';
  if (r < starShare + 0.35) return String(int(random, min, max));
  if (r < starShare + 0.55) {
    const values = new Set([int(random, min, max), int(random, min, max), int(random, min, max)]);
    return [...values].join(',');
  }
  if (r < starShare + 0.75) {
    const a = int(random, min, max);
    return `${a}-${int(random, a, max)}`;
  }
  return `${pick(random, ['*', String(min)])}/${int(random, 2, Math.max(2, Math.floor((max - min + 1) / 2)))}`;
}

const DAY_OF_MONTH_TOKENS = ['L', 'LW', '1W', '15W', '30W', '31W', 'L-1', 'L-2', 'L-5', 'L-27', '29', '30', '31', '1,15', '1-7', '28-31'] as const;
const DAY_OF_WEEK_TOKENS = ['1#1', '1#2', '5#5', '0#1', '7#3', '6#4', '5L', '0L', '1L', '7L', '1-5', '6,0', '7', 'mon', 'fri', 'sun', 'mon-fri', '1,3,5'] as const;

function randomExpression(random: Random): string {
  const second = random() < 0.6 ? undefined : random() < 0.5 ? String(int(random, 0, 59)) : plainField(random, 0, 59, 0.1);
  const minute = plainField(random, 0, 59, 0.1);
  const hour = plainField(random, 0, 23, 0.15);
  const dayOfMonth = random() < 0.45 ? '*' : random() < 0.6 ? pick(random, DAY_OF_MONTH_TOKENS) : plainField(random, 1, 31, 0);
  const month = random() < 0.6 ? '*' : plainField(random, 1, 12, 0);
  const dayOfWeek = random() < 0.45 ? '*' : random() < 0.65 ? pick(random, DAY_OF_WEEK_TOKENS) : plainField(random, 0, 7, 0);
  return [second, minute, hour, dayOfMonth, month, dayOfWeek].filter((f) => f !== undefined).join(' ');
}

/** An instant in 2023–2026 (leap and common years, every month), and a window of up to 35 days before it (a digest window is at most 31). */
function randomRange(random: Random): { from: Date; to: Date } {
  const to = Date.UTC(2023, 0, 1) + Math.floor(random() * 4 * 365 * 86_400) * 1000 + (random() < 0.2 ? int(random, 1, 999) : 0);
  const span = pick(random, [60_000, 3_600_000, 86_400_000, 7 * 86_400_000, 31 * 86_400_000, 35 * 86_400_000]);
  return { from: new Date(to - Math.floor(random() * span)), to: new Date(to) };
}

/** A range that ends at, just before or just after a time node-cron fires: the boundaries are where matchers drift. */
function nearAFire(random: Random, walker: Walker): { from: Date; to: Date } {
  const { to: base } = randomRange(random);
  let fire: number;
  try {
    fire = walker.getNextMatch(base).getTime();
  } catch {
    return randomRange(random);
  }
  const to = fire + pick(random, [0, 0, 1, 999, 1000, -1, -1000, 59_000, int(random, 0, 3 * 86_400) * 1000]);
  const span = pick(random, [1000, 60_000, 86_400_000, 7 * 86_400_000, 31 * 86_400_000, 35 * 86_400_000]);
  return { from: new Date(to - Math.floor(random() * span)), to: new Date(to) };
}

function compare(timeZone: string, count: number, seed: number): void {
  const random = seededRandom(seed);
  let checked = 0;
  let fired = 0;
  while (checked < count) {
    const expression = randomExpression(random);
    if (!validate(expression)) continue;
    const walker = nodeCronWalker(expression, timeZone);
    const fields = parseCron(expression);
    for (let i = 0; i < 3; i++) {
      const { from, to } = i === 0 ? randomRange(random) : nearAFire(random, walker);
      const expected = referenceLatestFire(walker, from, to);
      const actual = latestFire(fields, from, to, timeZone);
      assert.equal(
        actual?.toISOString(),
        expected?.toISOString(),
        `"${expression}" in ${timeZone}, from ${from.toISOString()} to ${to.toISOString()} (CRON_PARITY_SEED=${seed})`,
      );
      checked++;
      if (expected) fired++;
    }
  }
  // Most cases must actually fire, or the comparison proves little.
  assert.ok(fired > count / 3, `only ${fired} of ${count} cases fired`);
}

void describe('cron: the last-fire matcher agrees with node-cron', () => {
  void it(`on ${COUNT} random expressions × instants in court time (Asia/Shanghai)`, () => {
    compare('Asia/Shanghai', COUNT, SEED);
  });

  void it('in a zone with daylight saving time and in UTC', () => {
    compare('Europe/Berlin', Math.ceil(COUNT / 6), SEED + 1);
    compare('UTC', Math.ceil(COUNT / 6), SEED + 2);
  });

  void it('on the day tokens the digests document, over a whole year of instants', () => {
    const random = seededRandom(SEED + 3);
    for (const expression of ['0 9 * * 1#1', '0 9 15W * *', '0 9 * * 5L', '0 9 L-2 * *', '0 9 LW * *', '0 9 L * *', '30 8 * * 0#5', '0 0 31W * *']) {
      const walker = nodeCronWalker(expression, 'Asia/Shanghai');
      for (let i = 0; i < 40; i++) {
        const to = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 366 * 86_400) * 1000);
        const from = new Date(to.getTime() - 31 * 86_400_000);
        assert.equal(latestFire(parseCron(expression), from, to, 'Asia/Shanghai')?.toISOString(), referenceLatestFire(walker, from, to)?.toISOString(), `"${expression}" up to ${to.toISOString()}`);
      }
    }
  });
});

/**
 * The demo feed against a real backend, as the service role:
 *   npm run simulate -- [--speed=60] [--seed=7] [--tick-ms=2000] [--ticks=N]
 * with SUPABASE_URL + SUPABASE_SERVICE_ROLE_KEY, or DATABASE_URL. Ctrl+C stops it.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DemoFeed, type TickResult } from '../src/lib/demo/demo-feed';
import { checkedSpeed } from '../src/lib/demo/feed-speed';
import { openServiceConnection } from './service-connection';

const clock = (hour: number) => `${String(Math.floor(hour)).padStart(2, '0')}:${String(Math.floor((hour % 1) * 60)).padStart(2, '0')}`;

export function tickLine(r: TickResult): string {
  const counts = `${clock(r.hour)} Shanghai (simulated) · readings ${r.readings} · reports ${r.reports} · alarms ${r.alarms} · check-ins ${r.checkIns}`;
  return [counts, ...r.failures.map((f) => `  refused: ${f}`)].join('\n');
}

/** Runs the feed for `--ticks` ticks (or until interrupted); resolves when it has stopped. */
export async function simulate(argv: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { speed: { type: 'string' }, seed: { type: 'string' }, 'tick-ms': { type: 'string' }, ticks: { type: 'string' } },
  });
  const speed = checkedSpeed(values.speed === undefined ? 1 : Number(values.speed));
  const ticks = values.ticks === undefined ? Infinity : Number(values.ticks);
  if (!(ticks >= 1)) throw new RangeError(`--ticks must be 1 or more (got ${values.ticks})`);
  const connection = openServiceConnection(env);
  let done = 0;
  let finish = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const feed = new DemoFeed(connection.feedPort, {
    speed,
    seed: values.seed === undefined ? undefined : Number(values.seed),
    tickMs: values['tick-ms'] === undefined ? undefined : Number(values['tick-ms']),
    onTick(result) {
      log(tickLine(result));
      if (++done >= ticks) finish();
    },
  });
  log(`demo feed → ${connection.target}, speed ×${feed.speed}`);
  const interrupt = () => finish();
  process.once('SIGINT', interrupt);
  feed.start();
  await finished;
  feed.stop();
  process.off('SIGINT', interrupt);
  await connection.close();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  simulate(process.argv.slice(2), process.env, (line) => console.log(line)).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}

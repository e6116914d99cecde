/** `npm run seed`: migrates, then fills the database with deterministic demo data. */
import { migrate } from '../migrate/index.js';
import { SeedDefaults, seed } from '../seed/index.js';
import { DATABASE_HELP, DATABASE_OPTIONS, parseCommandLine, runTool, UsageError } from './args.js';
import { openLocalTarget } from './target.js';

const HELP = `Usage: npm run seed -- [options]

Applies pending migrations, then generates hotels in real cities, a year of inventory and
rates, and the named test users (alice, bob, carol, dave, erin; pat is a partner) with
bookings, credits and lists. The same seed and start date always give the same rows.

  --hotels N         hotels to generate (default ${SeedDefaults.HOTELS}; benchmarks use 10000)
  --seed S           PRNG seed (default "${SeedDefaults.SEED}")
  --start-date DATE  first night of inventory, YYYY-MM-DD (default: today in UTC)
  --reset            empty the seeded tables first (default: refuse a database with data)
${DATABASE_HELP}`;

await runTool(async () => {
  const args = parseCommandLine(process.argv.slice(2), {
    ...DATABASE_OPTIONS,
    hotels: { type: 'string' },
    seed: { type: 'string' },
    'start-date': { type: 'string' },
    reset: { type: 'boolean' },
  });
  if (args.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const hotels = args.hotels === undefined ? undefined : Number(args.hotels);
  if (hotels !== undefined && !/^\d+$/.test(args.hotels ?? '')) throw new UsageError(`--hotels takes a whole number (got ${args.hotels})`);
  const local = openLocalTarget({ dataDir: args['data-dir'], dbUrl: args['db-url'] });
  try {
    console.log(`seeding ${local.description}`);
    await migrate(local.target, { log: (line) => console.log(line) });
    const result = await seed(local.target, {
      hotels,
      seed: args.seed,
      startDate: args['start-date'],
      reset: args.reset,
      log: (line) => console.log(line),
    });
    console.log(
      `seeded ${result.hotels} hotels, ${result.roomTypes} room types, ${result.inventoryRows.toLocaleString('en-US')} inventory rows ` +
        `in ${(result.elapsedMs / 1000).toFixed(1)}s (seed "${result.seed}", start ${result.startDate})`,
    );
  } finally {
    await local.close();
  }
});

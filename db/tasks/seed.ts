/** `npm run seed`: migrates, then fills the database with deterministic demo data. */
import type { ProjectTask } from '../../platform/project/task.js';
import { migrate } from '../migrate/index.js';
import { SeedDefaults, seed } from '../seed/index.js';
import { parseTaskArguments, wholeNumberFlag } from './args.js';

export const seedTask: ProjectTask = {
  help: `Applies pending migrations, then generates hotels in real cities, their inventory and
rates, and the named test users (alice, bob, carol, dave, erin; pat is a partner) with
bookings, credits and lists. The same seed and start date always give the same rows.

  --hotels N         hotels to generate (default ${SeedDefaults.HOTELS}; benchmarks use 10000)
  --nights N         nights of inventory per room type, 60-730 (default ${SeedDefaults.DAYS})
  --seed S           PRNG seed (default "${SeedDefaults.SEED}")
  --start-date DATE  first night of inventory, YYYY-MM-DD (default: today in UTC)
  --reset            empty the seeded tables first (default: refuse a database with data)`,
  async run(target, argv, log) {
    const args = parseTaskArguments(argv, {
      hotels: { type: 'string' },
      nights: { type: 'string' },
      seed: { type: 'string' },
      'start-date': { type: 'string' },
      reset: { type: 'boolean' },
    });
    const hotels = wholeNumberFlag('hotels', args.hotels);
    const days = wholeNumberFlag('nights', args.nights);
    await migrate(target, { log });
    const result = await seed(target, {
      hotels,
      days,
      seed: args.seed,
      startDate: args['start-date'],
      reset: args.reset,
      log,
    });
    log(
      `seeded ${result.hotels} hotels, ${result.roomTypes} room types, ${result.inventoryRows.toLocaleString('en-US')} inventory rows ` +
        `in ${(result.elapsedMs / 1000).toFixed(1)}s (seed "${result.seed}", start ${result.startDate})`,
    );
  },
};

/**
 * Collects the calls made during one turn of the event loop and runs them together, in batches
 * of at most `maxBatchSize`: how AppSync's BatchInvoke gathers the resolutions of one field
 * across a list. `run` answers with one outcome per item, in order.
 */
export function createBatcher<Item, Outcome>(maxBatchSize: number, run: (items: Item[]) => Promise<Outcome[]>) {
  let pending: { item: Item; resolve: (outcome: Outcome) => void; reject: (error: unknown) => void }[] = [];

  const flush = (): void => {
    const queued = pending;
    pending = [];
    for (let start = 0; start < queued.length; start += maxBatchSize) {
      const batch = queued.slice(start, start + maxBatchSize);
      run(batch.map((entry) => entry.item)).then(
        (outcomes) => batch.forEach((entry, index) => entry.resolve(outcomes[index] as Outcome)),
        (error: unknown) => batch.forEach((entry) => entry.reject(error)),
      );
    }
  };

  return function load(item: Item): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ item, resolve, reject });
    });
  };
}

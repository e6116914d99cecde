/**
 * One `ka` ticker for every acknowledged connection of an endpoint: a single interval walks the
 * set rather than each socket holding a timer of its own, which at 10,000 idle connections is
 * 10,000 timers the event loop keeps sorted. AppSync's own `ka` comes "about every" interval, so a
 * connection's first periodic `ka` may come sooner than one full interval after its ack.
 */
/** A connection the ticker sends `ka` through. */
export interface KeepAliveMember {
  sendKeepAlive(): void;
}

export class KeepAliveTicker {
  readonly #members = new Set<KeepAliveMember>();
  readonly #intervalMs: number;
  #timer: NodeJS.Timeout | undefined;

  constructor(intervalMs: number) {
    this.#intervalMs = intervalMs;
  }

  /** Sends `ka` through the member every interval until `remove`. */
  add(member: KeepAliveMember): void {
    this.#members.add(member);
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      for (const member of this.#members) member.sendKeepAlive();
    }, this.#intervalMs);
    // The ticker never keeps the process alive on its own.
    this.#timer.unref();
  }

  remove(member: KeepAliveMember): void {
    this.#members.delete(member);
    if (this.#members.size > 0 || !this.#timer) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

/** `util.math`. Random numbers come from Math.random: not for secrets, as AWS warns too. */

/** The members of `util.math`. */
export const math = {
  /** Round half up to the nearest integer, as Java's Math.round. */
  roundNum: (input: number): number => Math.round(Number(input)),
  minVal: (first: number, second: number): number => Math.min(Number(first), Number(second)),
  maxVal: (first: number, second: number): number => Math.max(Number(first), Number(second)),
  /** A double in [0, 1). */
  randomDouble: (): number => Math.random(),
  /** An integer in [start, end], both ends included (our reading of "within the range"). */
  randomWithinRange: (start: number, end: number): number => {
    const low = Math.ceil(Math.min(Number(start), Number(end)));
    const high = Math.floor(Math.max(Number(start), Number(end)));
    return low + Math.floor(Math.random() * (high - low + 1));
  },
};

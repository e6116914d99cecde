/* The playground's walkthrough memory: values from earlier answers fill the next saved example.
 * A saved example's variables may hold placeholders:
 *   "PASTE_<key>.<path>"  the value at <path> under the first <key> found in the most recent answer that has one
 *                         (e.g. PASTE_quote.id, PASTE_quote.total for an object, PASTE_hotel.id inside a list)
 *   "{{uuid}}"            a fresh UUID each time the example is picked (an idempotency key per booking)
 * Placeholders nothing answers yet stay as they are. Plain JavaScript on a global, served as is. */
(function defineCarry() {
  'use strict';
  const PASTE = /^PASTE_([A-Za-z_][\w]*)((?:\.[\w]+)*)$/;

  /** Depth-first: the first value under `key` in `value` (objects before their lists' later items). */
  function findKey(value, key) {
    if (value === null || typeof value !== 'object') return undefined;
    if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, key) && value[key] !== null) return value[key];
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      const found = findKey(child, key);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  function follow(value, path) {
    let at = value;
    for (const part of path) {
      if (at === null || typeof at !== 'object') return undefined;
      at = Array.isArray(at) ? (at[0] === undefined ? undefined : at[0][part]) : at[part];
    }
    return at;
  }

  /** The value a placeholder names, from answers newest first; undefined when none has it. */
  function resolvePlaceholder(text, answers) {
    const match = PASTE.exec(text);
    if (!match) return undefined;
    const path = match[2] ? match[2].slice(1).split('.') : [];
    for (const answer of answers) {
      const found = follow(findKey(answer, match[1]), path);
      if (found !== undefined && found !== null) return found;
    }
    return undefined;
  }

  /** A copy of `variables` with every placeholder it can fill filled. */
  function fill(variables, answers, newUuid) {
    const uuid = newUuid || (() => globalThis.crypto.randomUUID());
    const visit = (value) => {
      if (typeof value === 'string') {
        if (value === '{{uuid}}') return uuid();
        const found = resolvePlaceholder(value, answers);
        return found === undefined ? value : JSON.parse(JSON.stringify(found));
      }
      if (Array.isArray(value)) return value.map(visit);
      if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v)]));
      return value;
    };
    return visit(variables);
  }

  globalThis.playgroundCarry = { fill, resolvePlaceholder };
})();

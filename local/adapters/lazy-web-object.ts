/**
 * Makes a light class stand in for a web class (Request, Response): every member of `web` that
 * `light` does not define is answered by the real object its `real()` builds on first use, and
 * `instanceof web` holds.
 */
export function standIn(light: { prototype: { real(): unknown } }, web: { prototype: object }): void {
  for (const name of Object.getOwnPropertyNames(web.prototype)) {
    if (name === 'constructor' || Object.prototype.hasOwnProperty.call(light.prototype, name)) continue;
    const member = Object.getOwnPropertyDescriptor(web.prototype, name);
    if (member?.get) {
      Object.defineProperty(light.prototype, name, {
        get(this: { real(): Record<string, unknown> }) {
          return this.real()[name];
        },
      });
    } else if (typeof member?.value === 'function') {
      Object.defineProperty(light.prototype, name, {
        value(this: { real(): Record<string, (...args: unknown[]) => unknown> }, ...args: unknown[]) {
          return this.real()[name]!(...args);
        },
      });
    }
  }
  Object.setPrototypeOf(light.prototype, web.prototype);
}

/**
 * `npm install` runs this (postinstall): it makes the fresh PGlite cluster every new data folder
 * is copied from, so a first `npm start` does not wait for an initdb. It never fails the install:
 * without the template, the first start makes it.
 */
import { ensureClusterTemplate, templateDir } from './plugins/data-api/backends/pglite-template.js';

try {
  const started = performance.now();
  if (await ensureClusterTemplate()) {
    console.log(`Made the embedded database's cluster template in ${Math.round(performance.now() - started)} ms: ${templateDir()}`);
  }
} catch (error) {
  console.warn(`Skipped the embedded database's cluster template (the first npm start makes it): ${String(error)}`);
}

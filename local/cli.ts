/**
 * `npm start` through tsx (tests and benches spawn this): the configuration module is imported
 * from its TypeScript source. `npm start` itself runs local/start.mjs, the same from a bundle.
 */
import { pathToFileURL } from 'node:url';
import { runServerCli } from './server-cli.js';

runServerCli((file) => import(pathToFileURL(file).href));

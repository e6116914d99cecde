import { describeCatalogue } from './catalogue-suite.js';
import { startReadsServer } from './support.js';

describeCatalogue('PGlite', () => startReadsServer());

import { startMoneyApi } from '../money/support.js';
import { describeSearchReadModel } from './search-read-model-suite.js';

describeSearchReadModel('PGlite', () => startMoneyApi());

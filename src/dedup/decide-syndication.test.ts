import { MemoryNearDuplicateIndex } from './memory-near-duplicate-index.js';
import { nearDuplicateIndexContract } from './near-duplicate-index.test-suite.js';

nearDuplicateIndexContract('in memory', () => new MemoryNearDuplicateIndex());

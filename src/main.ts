import { run } from './action/run.js';
import { dropHarmlessWarnings } from './node-warnings.js';

dropHarmlessWarnings();
void run();

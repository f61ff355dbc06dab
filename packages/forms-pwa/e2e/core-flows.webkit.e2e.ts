/** The shared core flows (e2e/core-flows.ts) in webkit; the browser is launched once for this file. */
import { coreFlows } from './core-flows.js';

coreFlows('webkit');

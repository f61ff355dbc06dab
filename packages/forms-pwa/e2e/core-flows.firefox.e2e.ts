/** The shared core flows (e2e/core-flows.ts) in firefox; the browser is launched once for this file. */
import { coreFlows } from './core-flows.js';

coreFlows('firefox');

/** The improvement-loop views, loaded lazily by the shell when one of their routes opens. */
import './tc-plan.js';
import './tc-compare.js';
import './tc-reconcile.js';
import '../dashboard/tc-dashboard.js';
import './tc-merge.js';

/** The improvement-loop views, loaded lazily by the shell when one of their routes opens. */
import '../elements/tc-plan.js';
import '../elements/tc-compare.js';
import '../elements/tc-reconcile.js';
import '../elements/tc-dashboard.js';
import '../elements/tc-merge.js';

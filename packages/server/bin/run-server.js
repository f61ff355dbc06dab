#!/usr/bin/env node
// Runs the council server from the build (pnpm --filter @tieuchi/server run build).
import '../dist/bin/run-server.js';

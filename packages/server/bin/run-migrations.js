#!/usr/bin/env node
// Applies the database migrations and exits (the server also applies them at start).
import '../dist/bin/run-migrations.js';

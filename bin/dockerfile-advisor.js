#!/usr/bin/env node
// Runs the bundled CLI; `npm run build` creates dist/cli.js.
require('../dist/cli.js').main();

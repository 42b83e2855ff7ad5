// Worker entry when running from the TypeScript sources (vitest, tsx): register tsx, then load the worker.
require('tsx/cjs/api').register();
module.exports = require('./worker.ts');

'use strict';
/**
 * The worker thread's entry (see server.ts): worker threads start without the TypeScript loader
 * the rest of the tooling runs under, so this registers tsx's CommonJS loader in this thread
 * only, then loads the stand-in's thread in TypeScript beside this file.
 */
const { register } = require('tsx/cjs/api');

register();
require('./standInThread.ts');

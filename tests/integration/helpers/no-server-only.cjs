// For child processes of tests (tsx): "server-only" resolves to an empty module, as in Jest.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload (node --require) */
const Module = require("node:module");
const path = require("node:path");
const original = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === "server-only") return path.join(__dirname, "empty.cjs");
  return original.call(this, request, ...rest);
};

#!/usr/bin/env node
"use strict";
require("../dist/node/cli/main.js").cli(process.argv.slice(2));

#!/usr/bin/env node
require('../dist/lib/provider/packaging/cli.js');

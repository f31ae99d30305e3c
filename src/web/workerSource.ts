// The worker bundle's text, put in by webpack (webpack.config.js builds the worker first).

import source from "page-worker-source";

export default source;

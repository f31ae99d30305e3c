// The Chromium the WPS add-in's bundle is built for, and the ECMAScript edition that Chromium parses
// (webpack.config.js says where the version comes from; test/wps/bundle.test.ts checks the output against it).
const WPS_CHROMIUM = 87;
/** ES2021 syntax runs in Chromium 87 (logical assignment came in 85); ES2022's class static blocks came in 94. */
const WPS_ES_YEAR = 2021;

module.exports = { WPS_CHROMIUM, WPS_ES_YEAR };

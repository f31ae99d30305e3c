// Types of scripts/wps-target.js, which webpack.config.js loads as plain CommonJS.
export declare const WPS_CHROMIUM: number;
export declare const WPS_ES_YEAR: number;

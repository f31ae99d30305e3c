// Types of scripts/addin-url.js, which webpack.config.js loads as plain CommonJS.
export declare const DEV_BASE: string;
export declare class AddinUrlError extends Error {}
export declare function addinBase(value: string | undefined): string;
export declare function manifestVersion(semver: string): string;
export declare function manifestFor(xml: string, base: string, semver: string): string;
export declare const WPS_ADDIN_NAME: string;
export declare const WPS_FOLDER: string;
export declare function jspluginsFor(base: string, semver: string): string;

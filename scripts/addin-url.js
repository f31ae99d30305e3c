// The address the add-in is served from, and the manifest written for it.
// `ADDIN_URL=https://服务器/路径/ npm run build` puts every URL of dist/web/manifest.xml under that base;
// without ADDIN_URL the build is for the development server, https://localhost:3000/.

const DEV_BASE = "https://localhost:3000/";

/** The manifest in the repository names the development server; these are the strings to replace. */
const DEV_ORIGIN = "https://localhost:3000";

class AddinUrlError extends Error {}

/**
 * Normalises ADDIN_URL: https only, no query or fragment, a trailing slash; an IDN host becomes punycode
 * and a non-ASCII path is percent-encoded, as the manifest's xs:anyURI fields require.
 */
function addinBase(value) {
  if (value === undefined || value.trim() === "") return DEV_BASE;
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new AddinUrlError(`ADDIN_URL 不是有效的网址：${value}（应如 https://qs.example.org/addin/）`);
  }
  if (url.protocol !== "https:")
    throw new AddinUrlError(`ADDIN_URL 必须以 https:// 开头（Office 只从 HTTPS 地址加载加载项）：${value}`);
  if (url.search !== "" || url.hash !== "")
    throw new AddinUrlError(`ADDIN_URL 不能带查询串或 # 片段：${value}`);
  if (url.username !== "" || url.password !== "")
    throw new AddinUrlError(`ADDIN_URL 不能包含用户名或密码：${value}`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/** Office's four-part version (major.minor.build.revision) from package.json's semver. */
function manifestVersion(semver) {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(semver);
  if (!m) throw new AddinUrlError(`package.json 的 version 不是 x.y.z 格式：${semver}`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

const escapeXml = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The manifest for `base`: every development URL moved under it, the version from package.json. */
function manifestFor(xml, base, semver) {
  const origin = new URL(base).origin;
  const out = xml
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(semver)}</Version>`)
    .split(`${DEV_ORIGIN}/`)
    .join(escapeXml(base))
    .replace(`<AppDomain>${DEV_ORIGIN}</AppDomain>`, `<AppDomain>${escapeXml(origin)}</AppDomain>`);
  if (base !== DEV_BASE && out.includes("localhost"))
    throw new AddinUrlError(
      "manifest.xml 中仍有 localhost 地址：请检查 manifest.xml 的网址是否都以 https://localhost:3000/ 开头",
    );
  return out;
}

/** The WPS add-in's folder under the base: dist/wps is served as `<base>wps/`. */
const WPS_FOLDER = "wps/";
/** The WPS add-in's name in jsplugins.xml (ASCII: WPS names its local copy of the add-in after it). */
const WPS_ADDIN_NAME = "qiangshen";

/**
 * jsplugins.xml for `oem.ini`'s JSPluginsServer: the add-in as WPS's online mode names it, an ET (WPS 表格)
 * add-in served from `<base>wps/`, which WPS loads from there each time it starts. WPS's documentation ("WPS
 * 加载项可用性") gives the file's shape: `<jsplugins>` holding one element per add-in with name, type and url;
 * `jspluginonline` is the element for an add-in served as a folder, `jsplugin` the one for a packed archive.
 */
function jspluginsFor(base, semver) {
  const url = escapeXml(new URL(WPS_FOLDER, base).href);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    "<jsplugins>\n" +
    `  <jspluginonline name="${WPS_ADDIN_NAME}" type="et" url="${url}" version="${escapeXml(semver)}"/>\n` +
    "</jsplugins>\n"
  );
}

module.exports = {
  addinBase,
  manifestFor,
  manifestVersion,
  jspluginsFor,
  AddinUrlError,
  DEV_BASE,
  WPS_ADDIN_NAME,
  WPS_FOLDER,
};

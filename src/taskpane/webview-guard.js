// Runs before the pane's bundle, in every webview, so it is written in ES5 and touches nothing but the page.
// Office 2016 and 2019 (volume-licensed perpetual versions) show add-ins in Internet Explorer 11 ("Trident")
// or Microsoft Edge Legacy ("EdgeHTML"); Microsoft recommends a graceful failure message there, detected from
// navigator.userAgent (learn.microsoft.com/office/dev/add-ins/develop/support-ie-11). Any other engine too old
// for the bundle (ES2022 syntax and library) gets the same message instead of a blank pane: it is known by
// the ES2022 functions it lacks, never by compiling a test, since a page whose CSP forbids eval must start too.
(function () {
  var ua = window.navigator.userAgent;
  var old = ua.indexOf("Trident") !== -1 || ua.indexOf("Edge/") !== -1;
  // Array.prototype.at and Object.hasOwn came in the same releases as, or after, the syntax the bundle uses
  // (Chromium 92/93, Firefox 90/92, Safari 15.4).
  if (typeof Array.prototype.at !== "function" || typeof Object.hasOwn !== "function") old = true;
  if (!old) return;
  window.__qsUnsupportedWebview = true;
  var english = /^en/i.test(window.navigator.language || "");
  var text = english
    ? [
        "This version of Office cannot run the Cleaner Production Audit Assistant",
        "Your Excel shows add-ins in an old webview (Internet Explorer 11, Microsoft Edge Legacy, or a browser engine too old for the assistant), as older builds of Office 2016 and 2019 do on computers without Microsoft Edge WebView2.",
        "The add-in runs in: Microsoft 365 (Windows, Mac), Office 2021, Office 2024, and Excel on the web.",
        "Ask your IT staff to upgrade Office, or open the workbook in Excel on the web. Without a supported Excel, use the web page (index.html beside this pane) or the cpa command-line tool.",
      ]
    : [
        "此版本的 Office 无法运行强审助手",
        "您的 Excel 使用旧的浏览器控件（Internet Explorer 11、Microsoft Edge 旧版或过旧的浏览器内核）显示加载项，较早的 Office 2016、Office 2019 在未安装 Microsoft Edge WebView2 的电脑上即是如此。",
        "可以运行强审助手的版本：Microsoft 365（Windows、Mac）、Office 2021、Office 2024，以及 Excel 网页版。",
        "请联系信息化部门升级 Office，或在 Excel 网页版中打开工作簿；暂时无法升级时，可在新版 Chrome 或 Edge 浏览器中使用强审助手网页版（与本窗格同一地址下的 index.html），或使用命令行工具 cpa。",
      ];
  function show() {
    var root = document.getElementById("root");
    if (!root) return;
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "unsupported-webview");
    box.style.cssText =
      "margin:12px;padding:12px;border:1px solid #c50f1f;background:#fdf3f4;font-family:'Microsoft YaHei','微软雅黑',sans-serif;font-size:14px;line-height:1.6";
    for (var i = 0; i < text.length; i++) {
      var p = document.createElement(i === 0 ? "h1" : "p");
      p.style.cssText = i === 0 ? "font-size:16px;margin:0 0 8px" : "margin:0 0 8px";
      p.appendChild(document.createTextNode(text[i]));
      box.appendChild(p);
    }
    root.appendChild(box);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();

// Runs before the pane's bundle, so it is written in ES5 and touches nothing but the page. The bundle is built for
// the Chromium that current WPS releases embed (Chromium 87, see webpack.config.js); an older WPS shows a blank
// pane instead, unless this says why. Such an engine is known by a function Chromium 85 brought with the syntax the
// bundle uses (Promise.any, with `??=`), never by compiling a test.
(function () {
  if (typeof Promise !== "undefined" && typeof Promise.any === "function") return;
  window.__qsOldEngine = true;
  var text = [
    "此版本的 WPS 无法运行强审助手",
    "您的 WPS 内置的浏览器内核过旧，无法运行强审助手窗格。",
    "请信息化部门将 WPS 升级到金山办公当前发布的版本；暂时无法升级时，可在新版浏览器中使用强审助手网页版，或使用命令行工具 cpa。",
  ];
  function show() {
    var root = document.getElementById("root");
    if (!root) return;
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "old-engine");
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

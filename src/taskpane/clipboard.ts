// Puts text on the clipboard: the Clipboard API where the webview has it and allows it, else a selected
// textarea and the copy command, which older webviews (Internet Explorer 11, the old Edge) still run.

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No navigator.clipboard, or writing refused (the pane's frame lacks the clipboard-write permission).
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

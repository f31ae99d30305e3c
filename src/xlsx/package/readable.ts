// A package before anything in it is read: its signature, and the declared sizes of its parts against the
// documented limits, so a file beyond them is refused before anything large is expanded.

import { PackageError, mb } from "./errors";
import { DEFAULT_LIMITS, type ReadLimits } from "./limits";
import { Package } from "./opc";

/**
 * The package of `bytes`, once its signature and the declared sizes of its parts are within the limits: an
 * encrypted workbook or an old .xls, a damaged file, a part or a whole beyond its limit is a PackageError, in
 * Chinese, before anything is expanded.
 */
export function checkedPackage(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Package {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw new PackageError(
      "unsupported",
      "这是设置了打开密码的（加密的）工作簿，或旧的 .xls 文件：请在 Excel 中取消密码并另存为 .xlsx 后再试",
    );
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new PackageError("corrupt", "文件已损坏，或不是 Excel 工作簿");
  const pkg = new Package(bytes);
  const parts = pkg.listParts();
  let total = 0;
  for (const p of parts) {
    total += p.size;
    if (p.size > limits.maxPartBytes)
      throw new PackageError(
        "limit",
        `部件 ${p.name} 解压后为 ${mb(p.size)}，超过本工具可处理的单个部件上限 ${mb(limits.maxPartBytes)}`,
      );
  }
  if (total > limits.maxTotalBytes)
    throw new PackageError(
      "limit",
      `工作簿解压后共 ${mb(total)}，超过本工具在当前可用内存下可处理的上限 ${mb(limits.maxTotalBytes)}${limits.memoryHint ? `（${limits.memoryHint}）` : ""}`,
    );
  return pkg;
}

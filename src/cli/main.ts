// cpa — 强审助手 on the command line.

import { RUBRIC_SHEET } from "../core/rubricSheet";
import { UsageError } from "./args";
import { demo, init, status, validate, type Command, type Io } from "./commands";
import { EXIT } from "./exit";
import { quarterly } from "./quarterly";
import { rubric, score, scoresheet } from "./scoring";
import { consolidate, submit, verify } from "./centre";
import { archive, performance } from "./archive";
import { form, FORM_USAGE } from "./form";
import { importList, IMPORT_USAGE } from "./importList";
import { acceptanceList, annual } from "./yearReports";
import { reason, WorkbookFileError } from "../xlsx/io";
import { CommandRefusal, InvalidWorkbookError, RubricError } from "../xlsx/workbookCommands";
import { todo, TODO_USAGE } from "./worklist";
import { calendar, CALENDAR_USAGE } from "./calendar";
import { letter, LETTER_USAGE } from "./letter";

/** cpa's commands by name: what runs each, and its usage line. */
export const COMMANDS: Record<string, { run: Command; usage: string }> = {
  init: {
    run: init,
    usage: "cpa init FILE.xlsx --profile shanghai|guangxi --district 名称    新建台账工作簿",
  },
  demo: {
    run: demo,
    usage:
      "cpa demo [-o FILE.xlsx] [--profile shanghai|guangxi] [--district 名称] [--seed N]    生成示例工作簿",
  },
  status: {
    run: status,
    usage:
      "cpa status FILE.xlsx [--as-of YYYY-MM-DD] [-o OUT.xlsx | --in-place] [--bureau]    各企业阶段、期限、逾期；--bureau 只列区局报送期限",
  },
  validate: { run: validate, usage: "cpa validate FILE.xlsx [--as-of YYYY-MM-DD]    检查台账和名单调整记录" },
  quarterly: {
    run: quarterly,
    usage:
      "cpa quarterly FILE.xlsx --quarter 2026Q3 -o OUT.xlsx [--replace] [--preparer 姓名]    生成附表3 和名单调整表",
  },
  rubric: {
    run: rubric,
    usage: "cpa rubric FILE.xlsx [-o OUT.xlsx | --in-place]    检查评分细则；加 -o 时写入默认评分细则供修改",
  },
  scoresheet: {
    run: scoresheet,
    usage:
      "cpa scoresheet FILE.xlsx --kind evaluation|acceptance --enterprise 名称 --experts N -o OUT.xlsx    生成专家评分表",
  },
  score: {
    run: score,
    usage: "cpa score FILE.xlsx [--write-back -o OUT.xlsx | --in-place]    汇总评分表，回填专家组结果",
  },
  archive: {
    run: archive,
    usage: "cpa archive FILE.xlsx --enterprise 名称 -o OUT.xlsx    生成附表2 档案材料清单（上海）",
  },
  performance: {
    run: performance,
    usage: "cpa performance FILE.xlsx --enterprise 名称 -o OUT.xlsx    生成附件6 企业清洁生产审核绩效表",
  },
  form: { run: form, usage: FORM_USAGE },
  import: { run: importList, usage: IMPORT_USAGE },
  submit: {
    run: submit,
    usage: "cpa submit FILE.xlsx --quarter 2026Q3 --preparer 姓名 -o OUT.xlsx    校验并报送盖章",
  },
  verify: { run: verify, usage: "cpa verify FILE.xlsx…    核验报送的工作簿是否改动、是否逾期" },
  consolidate: {
    run: consolidate,
    usage:
      "cpa consolidate A.xlsx B.xlsx … --quarter 2026Q3 -o CITY.xlsx [--html REPORT.html] [--year 2026]    全市汇总（每区计入一个文件）；--year 加全市年度统计",
  },
  annual: {
    run: annual,
    usage:
      "cpa annual FILE.xlsx --year 2026 [--as-of YYYY-MM-DD] [-o OUT.xlsx]    年度统计：列入、启动、评估、验收、未完成、逾期、名单调整",
  },
  "acceptance-list": {
    run: acceptanceList,
    usage:
      "cpa acceptance-list FILE.xlsx --from YYYY-MM-DD --to YYYY-MM-DD [-o OUT.xlsx]    验收结果名单（合格、不合格）",
  },
  todo: { run: todo, usage: TODO_USAGE },
  calendar: { run: calendar, usage: CALENDAR_USAGE },
  letter: { run: letter, usage: LETTER_USAGE },
};

export const USAGE = [
  "强审助手命令行工具 cpa",
  "",
  "用法：",
  ...Object.values(COMMANDS).map((c) => `  ${c.usage}`),
  "",
  "通用选项：--json 输出 JSON；--profile 覆盖工作簿中的地区配置；--force 覆盖已有的 -o 文件；-h 帮助",
  "退出码：0 正常，1 存在校验错误，2 用法错误或文件无法读取",
].join("\n");

const consoleIo: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

/**
 * Text as a terminal should get it: control characters (an escape sequence in an enterprise's name), C1
 * controls and invisible direction marks are shown as \u001b…; only line breaks stay. JSON stays valid,
 * since these characters stand only inside its strings.
 */
export function visible(text: string): string {
  return text.replace(
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export async function main(argv: string[], given: Io = consoleIo): Promise<number> {
  const io: Io = { out: (t) => given.out(visible(t)), err: (t) => given.err(visible(t)) };
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    io.out(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`未知命令“${name}”\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (rest.includes("-h") || rest.includes("--help")) {
    io.out(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof WorkbookFileError || err instanceof CommandRefusal) {
      io.err(`错误：${err.message}`);
      return EXIT.usage;
    }
    if (err instanceof InvalidWorkbookError) {
      if (err instanceof RubricError) io.err(`“${RUBRIC_SHEET}”有错误，请先修正（cpa rubric 可检查）：`);
      for (const i of err.issues) io.err(`错误：${i.sheet}${i.cell ? `!${i.cell}` : ""} ${i.message}`);
      return EXIT.invalid;
    }
    throw err;
  }
}

/** A reader that closed the pipe (`cpa status X | head -1`) has all it wanted: stop quietly. */
function quitOnClosedPipe(err: NodeJS.ErrnoException): void {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? EXIT.ok);
  throw err;
}

/**
 * Output that cannot be written (`> /dev/full`, a full disk) ends the program with exit 2 and a Chinese
 * message. A file the command writes is written before its report is printed, so it is there.
 */
function quitOnFailedOutput(err: NodeJS.ErrnoException): void {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? EXIT.ok);
  try {
    process.stderr.write(
      `错误：无法输出命令的结果（${reason(err)}）；命令要写入的文件（如有）已在输出结果之前写入\n`,
    );
  } finally {
    process.exit(EXIT.usage);
  }
}

/** What a user sees of an error nobody foresaw: Chinese, and the details only when asked for. */
function unexpected(err: unknown): string {
  if (err instanceof RangeError && /string length|array length/i.test(err.message))
    return "错误：数据过大，超出本工具可处理的范围";
  return "错误：本工具内部出错，命令未完成。可设置环境变量 CPA_DEBUG=1 重新运行以查看技术细节，并告知维护人员";
}

/** The `cpa` program: runs the command and sets the exit code. */
export async function cli(argv: string[]): Promise<void> {
  process.stdout.on("error", quitOnFailedOutput);
  process.stderr.on("error", quitOnClosedPipe);
  try {
    process.exitCode = await main(argv);
  } catch (err) {
    process.stderr.write(`${unexpected(err)}\n`);
    if (process.env.CPA_DEBUG) process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = EXIT.usage;
  }
}

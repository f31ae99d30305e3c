// Why a package cannot be read or written, in Chinese, without the file's name (the caller adds it).

export type PackageProblem =
  /** Not a zip, or a zip whose directory or data is damaged. */
  | "corrupt"
  /** Beyond a documented limit (rows, expanded size). */
  | "limit"
  /** A kind of workbook the tool cannot handle (encrypted, Strict Open XML, an unknown compression). */
  | "unsupported"
  /** The write would lose something of the user's: refused before anything is written. */
  | "wouldLose";

export class PackageError extends Error {
  constructor(
    readonly problem: PackageProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Megabytes as printed in messages. */
export const mb = (bytes: number) => `${Math.ceil(bytes / 2 ** 20)} MB`;

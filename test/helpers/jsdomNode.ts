// What a browser has and jest's jsdom lacks, for pane tests that run real commands and show their messages:
// imported first, before any module that uses them at load. Text encoding, structured cloning and the Web
// Crypto digest come from Node; jsdom lays nothing out, so a ResizeObserver (Fluent's message bar asks for
// one) has nothing to report.

import { webcrypto } from "node:crypto";
import { TextDecoder, TextEncoder } from "node:util";
import { deserialize, serialize } from "node:v8";

class ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

Object.assign(globalThis, { TextEncoder, TextDecoder });
if (!("structuredClone" in globalThis))
  Object.assign(globalThis, { structuredClone: (value: unknown) => deserialize(serialize(value)) });
if (!globalThis.crypto?.subtle)
  Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });
if (!("ResizeObserver" in globalThis)) Object.assign(globalThis, { ResizeObserver });

// What the pane's code calls that the Chromium WPS embeds (87, see webpack.config.js) does not have: the pane's
// entry imports this first. Each is added only where the engine lacks it, with the behaviour the standard gives it.

/** `at` (Chromium 92): the element at `index`, counting back from the end when it is negative. */
function at<T>(this: ArrayLike<T>, index: number): T | undefined {
  const n = Math.trunc(index) || 0;
  const i = n < 0 ? this.length + n : n;
  return i < 0 || i >= this.length ? undefined : this[i];
}

function define(target: object, name: string, value: unknown): void {
  if (name in target) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

define(Array.prototype, "at", at);
define(String.prototype, "at", function (this: string, index: number) {
  return at.call(String(this), index);
});
define(Object.getPrototypeOf(Int8Array.prototype) as object, "at", at);
// Object.hasOwn (Chromium 93).
define(Object, "hasOwn", (o: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(o, key));
// findLast and findLastIndex (Chromium 97).
define(Array.prototype, "findLastIndex", function <
  T,
>(this: T[], test: (value: T, index: number, array: T[]) => unknown, thisArg?: unknown) {
  for (let i = this.length - 1; i >= 0; i--) if (test.call(thisArg, this[i]!, i, this)) return i;
  return -1;
});
define(Array.prototype, "findLast", function <
  T,
>(this: T[], test: (value: T, index: number, array: T[]) => unknown, thisArg?: unknown) {
  for (let i = this.length - 1; i >= 0; i--) if (test.call(thisArg, this[i]!, i, this)) return this[i];
  return undefined;
});

export {};

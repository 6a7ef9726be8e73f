// Command-line options of the bench scripts.

/** The value after `name` in `args` ("--times 10" gives "10"), or undefined when `name` is absent. */
export function optionValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

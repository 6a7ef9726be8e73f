// The one error type that maps to an HTTP status. Services throw it for bad input; the web layer's
// error middleware turns it into a page or JSON. Anything else is a bug and answers 500 without details.

export class AppError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** per-field messages when the error is about user input */
    readonly fields: Readonly<Record<string, string>> = {},
    /** response headers that go with the error (Retry-After, Allow) */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  /** further fields of the JSON answer (a sign-in link, what changed since a stale form) */
  get extra(): Readonly<Record<string, unknown>> {
    return {};
  }
}

export function notFound(what = "page"): AppError {
  return new AppError(404, `No such ${what}.`);
}

export function badRequest(field: string, message: string): AppError {
  return new AppError(400, `${field}: ${message}`, { [field]: message });
}

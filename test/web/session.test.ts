import assert from "node:assert/strict";
import { isLoopbackHost, safeNext } from "../../src/web/session";
import { writesLine } from "../../src/server";
import { ConfigError, parseServeConfig } from "../../src/config";

describe("web: sessions, the review token and where a form may send you", () => {
  const hosts: [string, boolean][] = [
    ["127.0.0.1", true], ["127.4.5.6", true], ["localhost", true], ["::1", true], ["[::1]", true], ["::ffff:127.0.0.1", true],
    ["0.0.0.0", false], ["::", false], ["192.168.1.4", false], ["128.0.0.1", false], ["localhost.evil.example", false], ["::ffff:10.0.0.1", false],
  ];
  for (const [host, loop] of hosts) it(`${host} is ${loop ? "" : "not "}loopback`, () => assert.equal(isLoopbackHost(host), loop));

  const nexts: [unknown, string][] = [
    ["/sources/2#row-q-3", "/sources/2#row-q-3"], ["/review?source=1", "/review?source=1"],
    ["//evil.example/x", "/f"], ["https://evil.example", "/f"], ["/\\evil.example", "/f"], ["javascript:alert(1)", "/f"],
    ["/a\nb", "/f"], [["/a"], "/f"], [undefined, "/f"], ["/" + "x".repeat(2001), "/f"],
  ];
  for (const [raw, out] of nexts) it(`next=${String(JSON.stringify(raw)).slice(0, 40)} → ${out}`, () => assert.equal(safeNext(raw, "/f"), out));

  it("the server says on start who may write", () => {
    assert.match(writesLine("127.0.0.1", null), /open to this machine/);
    assert.match(writesLine("127.0.0.1", "a-long-secret"), /every write needs a sign-in with the review token/);
    assert.match(writesLine("0.0.0.0", null), /OFF.*read-only.*--review-token/);
    assert.match(writesLine("0.0.0.0", "a-long-secret"), /every write needs a sign-in with the review token/);
  });

  it("--review-token and WHOSAID_REVIEW_TOKEN (the flag wins); a short token is refused", () => {
    assert.equal(parseServeConfig(["--review-token", "0123456789abc"], {}).reviewToken, "0123456789abc");
    assert.equal(parseServeConfig([], { WHOSAID_REVIEW_TOKEN: "from-the-environment" }).reviewToken, "from-the-environment");
    assert.equal(parseServeConfig(["--review-token=flag-token-123"], { WHOSAID_REVIEW_TOKEN: "from-the-environment" }).reviewToken, "flag-token-123");
    assert.equal(parseServeConfig([], {}).reviewToken, null);
    assert.throws(() => parseServeConfig(["--review-token", "short"], {}), (e: unknown) => e instanceof ConfigError && /reviewToken: must be at least 12/.test(e.message));
  });
});

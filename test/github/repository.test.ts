import { describe, expect, it } from "vitest";
import { UsageError } from "../../runtime/errors.js";
import { formatRepository, parseRepository, repositoryFromEnv } from "../../runtime/github/repository.js";

describe("parseRepository", () => {
  describe.each([
    ["octo-org/models", { owner: "octo-org", repo: "models" }],
    ["  octo-org/models.js ", { owner: "octo-org", repo: "models.js" }],
    ["a/b_c-d.e", { owner: "a", repo: "b_c-d.e" }],
  ])("accepts %j", (text, expected) => {
    it("as owner and repo", () => {
      expect(parseRepository(text)).toEqual(expected);
    });
  });

  describe.each([
    ["models"],
    ["octo-org/"],
    ["/models"],
    ["octo-org/models/extra"],
    ["-org/models"],
    ["octo org/models"],
    ["octo/.."],
    [""],
  ])("rejects %j", (text) => {
    it("with a UsageError that quotes the text and shows the expected form", () => {
      expect(() => parseRepository(text, "input 'repository'")).toThrow(UsageError);
      expect(() => parseRepository(text, "input 'repository'")).toThrow(
        `input 'repository' '${text}' is not of the form owner/repo. Expected something like 'octo-org/models'.`,
      );
    });
  });

  it("round-trips through formatRepository", () => {
    expect(formatRepository(parseRepository("octo-org/models"))).toBe("octo-org/models");
  });
});

describe("repositoryFromEnv", () => {
  it("reads GITHUB_REPOSITORY", () => {
    expect(repositoryFromEnv({ GITHUB_REPOSITORY: "octo-org/models" })).toEqual({
      owner: "octo-org",
      repo: "models",
    });
  });

  it("says GITHUB_REPOSITORY is not set when it is missing or empty", () => {
    expect(() => repositoryFromEnv({})).toThrow(
      "GITHUB_REPOSITORY is not set, so the repository is unknown.",
    );
    expect(() => repositoryFromEnv({ GITHUB_REPOSITORY: " " })).toThrow("GITHUB_REPOSITORY is not set");
  });

  it("names GITHUB_REPOSITORY when its value is malformed", () => {
    expect(() => repositoryFromEnv({ GITHUB_REPOSITORY: "models" })).toThrow(
      "GITHUB_REPOSITORY 'models' is not of the form owner/repo.",
    );
  });
});

import picomatch from "picomatch";

/** Where GitHub looks for the CODEOWNERS file, in its order of precedence. */
export const codeownersPaths = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"] as const;

/** An owner named in CODEOWNERS: a user or an `org/team`. E-mail owners are not GitHub accounts here. */
export type CodeOwner = { kind: "user"; login: string } | { kind: "team"; org: string; slug: string };

/**
 * The owners of `path` by a CODEOWNERS file's text: the last matching line wins (GitHub's rule);
 * patterns follow gitignore: a pattern without a slash matches at any depth, a leading slash
 * anchors it at the root, a pattern naming a folder owns everything beneath it. Pure.
 */
export function codeownersOf(text: string, path: string): CodeOwner[] {
  let owners: CodeOwner[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (line === "") continue;
    const [pattern, ...names] = line.split(/\s+/);
    if (pattern === undefined || !matches(pattern, path)) continue;
    owners = names.flatMap((name): CodeOwner[] => {
      const team = /^@([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(name);
      if (team) return [{ kind: "team", org: team[1] ?? "", slug: team[2] ?? "" }];
      const user = /^@([A-Za-z0-9-]+)$/.exec(name);
      return user ? [{ kind: "user", login: user[1] ?? "" }] : [];
    });
  }
  return owners;
}

function matches(pattern: string, path: string): boolean {
  let glob = pattern;
  const anchored = glob.startsWith("/") || glob.slice(0, -1).includes("/");
  glob = glob.replace(/^\//, "");
  if (!anchored) glob = `**/${glob}`;
  const options = { dot: true };
  if (glob.endsWith("/")) return picomatch(`${glob}**`, options)(path);
  return picomatch(glob, options)(path) || picomatch(`${glob}/**`, options)(path);
}

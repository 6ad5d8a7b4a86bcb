import type * as core from "@actions/core";

/** Environment variables whose values are secrets, by name. */
const secretName = /(SECRET|TOKEN|PASSWORD|PASSPHRASE|PRIVATE_KEY|CREDENTIAL)/i;

/**
 * Tell the runner to mask secret values before anything is logged: AWS secret keys and session
 * tokens, other secret-looking variables, and passwords embedded in URLs.
 */
export function maskSecrets(
  env: Readonly<Record<string, string | undefined>>,
  values: readonly (string | undefined)[],
  log: Pick<typeof core, "setSecret">,
): void {
  for (const [name, value] of Object.entries(env)) {
    if (value && value.length >= 4 && secretName.test(name) && name !== "GITHUB_TOKEN_URL")
      log.setSecret(value);
  }
  for (const value of values) {
    const password = value ? /^[a-z][a-z0-9+.-]*:\/\/[^:/@]*:([^@/]+)@/i.exec(value)?.[1] : undefined;
    if (password) log.setSecret(password);
  }
}

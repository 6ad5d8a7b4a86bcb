export const id = 909;
export const ids = [909];
export const modules = {

/***/ 9909:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createOctokitReleasePort: () => (/* binding */ createOctokitReleasePort)
});

// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
;// CONCATENATED MODULE: ./.build/runtime/github/github-error.js
/**
 * The one place where Octokit's errors (RequestError) and fetch failures become Kiln errors.
 * Code that calls Octokit wraps the call with `callGitHub`, or converts in its own catch with
 * `toGitHubError`; nothing above this boundary inspects an Octokit error.
 */

function isRequestErrorLike(error) {
    return error instanceof Error && typeof error.status === "number";
}
function endpointOf(request, fallback) {
    if (request?.method === undefined || request.url === undefined)
        return fallback ?? "GitHub API";
    let path = request.url;
    try {
        path = new URL(request.url).pathname;
    }
    catch {
        // a relative url: keep it as it is
    }
    return `${request.method.toUpperCase()} ${path}`;
}
/** GitHub's error body: `{message, errors?: [{resource, field, code, message}], documentation_url}`. */
function githubMessage(data) {
    if (typeof data !== "object" || data === null)
        return typeof data === "string" && data ? data : undefined;
    const record = data;
    const message = typeof record.message === "string" ? record.message : undefined;
    const details = Array.isArray(record.errors)
        ? record.errors
            .map((entry) => {
            if (typeof entry === "string")
                return entry;
            if (typeof entry !== "object" || entry === null)
                return undefined;
            const e = entry;
            if (typeof e.message === "string")
                return e.message;
            const parts = [e.resource, e.field, e.code].filter((p) => typeof p === "string");
            return parts.length > 0 ? parts.join(" ") : undefined;
        })
            .filter((d) => d !== undefined)
        : [];
    if (message === undefined)
        return details.length > 0 ? details.join("; ") : undefined;
    return details.length > 0 ? `${message} (${details.join("; ")})` : message;
}
function hintFor(status) {
    if (status === 401)
        return "Check the token: it is missing, expired or revoked.";
    if (status === 403)
        return "The token lacks a permission this call needs, or a rate limit was hit; check the workflow's permissions.";
    if (status === 404)
        return "Check the repository name and that the token can see it (a private repository answers 404 to tokens without access).";
    if (status >= 500)
        return "GitHub failed to answer; retry later.";
    return undefined;
}
function causeMessage(error) {
    let current = error;
    let message = error instanceof Error ? error.message : String(error);
    // fetch failures wrap the socket error (ECONNREFUSED, ENOTFOUND) in `cause`
    for (let depth = 0; depth < 4 && current instanceof Error && current.cause !== undefined; depth++) {
        current = current.cause;
        if (current instanceof Error && current.message)
            message = current.message;
    }
    return message;
}
/** Convert anything an Octokit call threw into a Kiln error. Kiln errors pass through unchanged. */
function toGitHubError(error, options = {}) {
    if (error instanceof errors/* GitHubApiError */.OS || error instanceof errors/* NotFoundError */.m_)
        return error;
    if (isRequestErrorLike(error)) {
        const endpoint = endpointOf(error.request, options.endpoint);
        if (error.response === undefined) {
            // Octokit reports a failed fetch (connection refused, DNS, reset) as a RequestError without a response.
            return new errors/* GitHubApiError */.OS(`could not reach GitHub for ${endpoint}: ${causeMessage(error)}.`, { endpoint }, { cause: error, hint: "Check GITHUB_API_URL and the network." });
        }
        const status = error.status;
        if (status === 404 && options.notFound !== undefined) {
            return new errors/* NotFoundError */.m_(options.notFound, { cause: error });
        }
        const message = githubMessage(error.response.data) ?? error.message;
        const hint = hintFor(status);
        return new errors/* GitHubApiError */.OS(`GitHub API ${endpoint} failed with ${status}: ${message}.`.replace(/\.\.$/, "."), { status, endpoint }, hint === undefined ? { cause: error } : { cause: error, hint });
    }
    const endpoint = options.endpoint ?? "GitHub API";
    return new errors/* GitHubApiError */.OS(`could not reach GitHub for ${endpoint}: ${causeMessage(error)}.`, { endpoint }, { cause: error, hint: "Check GITHUB_API_URL and the network." });
}
/** Await an Octokit call, converting its failure once. */
async function callGitHub(call, options = {}) {
    try {
        return await call();
    }
    catch (error) {
        throw toGitHubError(error, options);
    }
}

;// CONCATENATED MODULE: ./.build/runtime/registry/octokit-release-port.js


const toInfo = (data) => ({
    id: data.id,
    tag: data.tag_name,
    url: data.html_url,
    uploadUrl: data.upload_url.replace(/\{.*\}$/, ""),
});
/**
 * The ReleasePort over an Octokit client (made at the edge by `createOctokit`). Streamed asset
 * uploads are retried here with a fresh stream (the retry plugin cannot replay a stream body).
 */
function createOctokitReleasePort(octokit, repository, options) {
    const { owner, repo } = repository;
    const uploadAttempts = options.uploadAttempts ?? 3;
    return {
        repository: `${owner}/${repo}`,
        async createTagRef(tag, sha) {
            try {
                await octokit.rest.git.createRef({ owner, repo, ref: `refs/tags/${tag}`, sha });
                return true;
            }
            catch (error) {
                const converted = toGitHubError(error, { endpoint: "POST /repos/{owner}/{repo}/git/refs" });
                if (converted instanceof errors/* GitHubApiError */.OS && converted.status === 422) {
                    // "Reference already exists" — or a bad sha; tell them apart by reading the ref.
                    const exists = await callGitHub(() => octokit.rest.git.getRef({ owner, repo, ref: `tags/${tag}` }).then(() => true), { notFound: "absent" }).catch(() => false);
                    if (exists)
                        return false;
                }
                throw converted;
            }
        },
        async deleteTagRef(tag) {
            await callGitHub(() => octokit.rest.git.deleteRef({ owner, repo, ref: `tags/${tag}` }), {
                endpoint: "DELETE /repos/{owner}/{repo}/git/refs/{ref}",
            });
        },
        async createRelease({ tag, name, body, sha }) {
            const { data } = await callGitHub(() => octokit.rest.repos.createRelease({ owner, repo, tag_name: tag, name, body, target_commitish: sha }), { endpoint: "POST /repos/{owner}/{repo}/releases" });
            return toInfo(data);
        },
        async uploadAsset(release, asset) {
            const endpoint = "POST /repos/{owner}/{repo}/releases/{release_id}/assets";
            for (let attempt = 1;; attempt++) {
                try {
                    const { data } = await octokit.request({
                        method: "POST",
                        url: `${release.uploadUrl}?name=${encodeURIComponent(asset.name)}`,
                        headers: { "content-type": asset.contentType, "content-length": asset.size },
                        data: asset.open(),
                        request: { retries: 0 },
                    });
                    const uploaded = data;
                    return { id: uploaded.id, name: uploaded.name, downloadUrl: uploaded.browser_download_url };
                }
                catch (error) {
                    const converted = toGitHubError(error, { endpoint });
                    const status = converted instanceof errors/* GitHubApiError */.OS ? converted.status : undefined;
                    // A retried upload whose first attempt landed: the asset is already there.
                    if (status === 422) {
                        const existing = await findAsset(release, asset.name);
                        if (existing !== undefined)
                            return existing;
                    }
                    const transient = status === undefined || status >= 500;
                    if (!transient || attempt >= uploadAttempts)
                        throw converted;
                    options.logger.warn(`upload of ${asset.name} to ${release.tag} failed (${converted.message}); retrying.`);
                    const stale = await findAsset(release, asset.name).catch(() => undefined);
                    if (stale !== undefined)
                        await octokit.rest.repos
                            .deleteReleaseAsset({ owner, repo, asset_id: stale.id })
                            .catch(() => undefined);
                }
            }
        },
        async getReleaseByTag(tag) {
            try {
                const { data } = await callGitHub(() => octokit.rest.repos.getReleaseByTag({ owner, repo, tag }), {
                    notFound: `no release ${tag}`,
                    endpoint: "GET /repos/{owner}/{repo}/releases/tags/{tag}",
                });
                return toInfo(data);
            }
            catch (error) {
                if (error instanceof errors/* GitHubApiError */.OS)
                    throw error;
                return undefined;
            }
        },
        async deleteRelease(release) {
            await callGitHub(() => octokit.rest.repos.deleteRelease({ owner, repo, release_id: release.id }), {
                endpoint: "DELETE /repos/{owner}/{repo}/releases/{release_id}",
            });
        },
    };
    async function findAsset(release, name) {
        const { data } = await callGitHub(() => octokit.rest.repos.listReleaseAssets({ owner, repo, release_id: release.id, per_page: 100 }), { endpoint: "GET /repos/{owner}/{repo}/releases/{release_id}/assets" });
        const found = data.find((a) => a.name === name);
        return found === undefined
            ? undefined
            : { id: found.id, name: found.name, downloadUrl: found.browser_download_url };
    }
}


/***/ })

};

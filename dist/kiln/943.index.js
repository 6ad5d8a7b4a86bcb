export const id = 943;
export const ids = [943];
export const modules = {

/***/ 7943:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  defaultStorePath: () => (/* binding */ defaultStorePath),
  openStore: () => (/* binding */ openStore),
  resolveStoreUrl: () => (/* binding */ resolveStoreUrl)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./.build/runtime/errors.js
var errors = __webpack_require__(8094);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./.build/runtime/store/local-folder-lock.js





function errorCode(error) {
    return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}
function processIsAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return errorCode(error) === "EPERM";
    }
}
async function readLock(path) {
    try {
        const parsed = JSON.parse(await (0,promises_.readFile)(path, "utf8"));
        if (typeof parsed === "object" && parsed !== null && "token" in parsed)
            return parsed;
        return undefined;
    }
    catch {
        return undefined;
    }
}
async function isStale(path, staleMs) {
    const content = await readLock(path);
    if (content === undefined) {
        // Empty or half-written: its creator is between open() and write(). Stale only when old.
        try {
            const info = await (0,promises_.stat)(path);
            return Date.now() - info.mtimeMs > staleMs ? "unreadable" : undefined;
        }
        catch {
            return undefined;
        }
    }
    const ownerGone = content.host === (0,external_node_os_.hostname)() && !processIsAlive(content.pid);
    return ownerGone || Date.now() - content.at > staleMs ? content : undefined;
}
async function breakLock(path, stale) {
    const aside = `${path}.broken-${(0,external_node_crypto_.randomUUID)()}`;
    try {
        await (0,promises_.rename)(path, aside);
    }
    catch {
        return; // someone else broke or released it
    }
    const taken = await readLock(aside);
    const sameLock = stale === "unreadable" ? taken === undefined : taken?.token === stale.token;
    if (!sameLock)
        await (0,promises_.link)(aside, path).catch(() => undefined);
    await (0,promises_.unlink)(aside).catch(() => undefined);
}
/** Take the lock at `path`; resolves to the function that releases it. */
async function acquireLock(path, options) {
    const content = { pid: process.pid, host: (0,external_node_os_.hostname)(), token: (0,external_node_crypto_.randomUUID)(), at: Date.now() };
    const started = Date.now();
    let delay = 1;
    for (;;) {
        try {
            const handle = await (0,promises_.open)(path, "wx");
            try {
                await handle.writeFile(JSON.stringify({ ...content, at: Date.now() }));
            }
            finally {
                await handle.close();
            }
            return async () => {
                const current = await readLock(path);
                if (current?.token === content.token)
                    await (0,promises_.unlink)(path).catch(() => undefined);
            };
        }
        catch (error) {
            if (errorCode(error) !== "EEXIST")
                throw error;
        }
        const stale = await isStale(path, options.staleMs);
        if (stale !== undefined) {
            await breakLock(path, stale);
            continue;
        }
        if (Date.now() - started > options.timeoutMs) {
            const holder = await readLock(path);
            throw new errors/* StoreError */.AD(`timed out after ${options.timeoutMs} ms waiting for the lock ${path}${holder ? ` held by process ${holder.pid} on ${holder.host}` : ""}.`, {}, { hint: "If no kiln process is still writing to this store, delete that lock file." });
        }
        await (0,external_node_timers_promises_.setTimeout)(delay + Math.random() * delay);
        delay = Math.min(delay * 2, 25);
    }
}

// EXTERNAL MODULE: ./.build/runtime/store/put-body.js
var put_body = __webpack_require__(1635);
// EXTERNAL MODULE: ./.build/runtime/store/store-key.js
var store_key = __webpack_require__(892);
;// CONCATENATED MODULE: ./.build/runtime/store/local-folder-store.js









function local_folder_store_errorCode(error) {
    return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}
const missingCodes = new Set(["ENOENT", "ENOTDIR", "EISDIR"]);
async function sha256OfFile(path) {
    const hash = (0,external_node_crypto_.createHash)("sha256");
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
        hash.update(chunk);
    return hash.digest("hex");
}
class LocalFolderStore {
    url;
    root;
    #lockTimeoutMs;
    #staleLockMs;
    constructor(root, options = {}) {
        this.root = (0,external_node_path_.resolve)(root);
        this.url = (0,external_node_url_.pathToFileURL)(this.root).href;
        this.#lockTimeoutMs = options.lockTimeoutMs ?? 30_000;
        this.#staleLockMs = options.staleLockMs ?? 60_000;
    }
    #path(key) {
        return (0,external_node_path_.join)(this.root, ...(0,store_key/* validateStoreKey */.Tk)(key).split("/"));
    }
    #sidecarPath(path) {
        return (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `${store_key/* reservedNamePrefix */.g}etag-${path.slice((0,external_node_path_.dirname)(path).length + 1)}`);
    }
    #lockPath(path) {
        return (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `${store_key/* reservedNamePrefix */.g}lock-${path.slice((0,external_node_path_.dirname)(path).length + 1)}`);
    }
    #notFound(key) {
        return new errors/* NotFoundError */.m_(`store key '${key}' not found in ${this.url}.`);
    }
    #failure(action, key, error) {
        if (error instanceof errors/* StoreError */.AD)
            return error;
        const code = local_folder_store_errorCode(error);
        if (code === "ENOTDIR" || code === "EISDIR") {
            return new errors/* StoreError */.AD(`cannot ${action} store key '${key}' in ${this.url}: a key and keys under it cannot both exist in a local folder store (${code}).`, { key }, { cause: error, hint: "Use a key that is neither a folder of other keys nor inside another key." });
        }
        const detail = error instanceof Error ? error.message : String(error);
        return new errors/* StoreError */.AD(`cannot ${action} store key '${key}' in ${this.url}: ${detail}`, { key }, { cause: error });
    }
    async get(key) {
        const path = this.#path(key);
        try {
            const handle = await (0,promises_.open)(path, "r");
            const info = await handle.stat();
            if (!info.isFile()) {
                await handle.close();
                throw this.#notFound(key);
            }
            return handle.createReadStream();
        }
        catch (error) {
            if (error instanceof errors/* NotFoundError */.m_)
                throw error;
            if (missingCodes.has(local_folder_store_errorCode(error) ?? ""))
                throw this.#notFound(key);
            throw this.#failure("read", key, error);
        }
    }
    async getBytes(key) {
        const path = this.#path(key);
        try {
            return new Uint8Array(await (0,promises_.readFile)(path));
        }
        catch (error) {
            if (missingCodes.has(local_folder_store_errorCode(error) ?? ""))
                throw this.#notFound(key);
            throw this.#failure("read", key, error);
        }
    }
    async head(key) {
        const path = this.#path(key);
        try {
            return await this.#info(key, path);
        }
        catch (error) {
            throw this.#failure("inspect", key, error);
        }
    }
    /** The object's metadata, or undefined when absent. Raw fs errors other than "missing" propagate. */
    async #info(key, path) {
        const etagAndStat = await this.#currentEtag(path);
        if (etagAndStat === undefined)
            return undefined;
        const { etag, info } = etagAndStat;
        return { key, size: Number(info.size), etag, lastModified: new Date(Number(info.mtimeMs)) };
    }
    async #currentEtag(path) {
        let info;
        try {
            info = await statBig(path);
        }
        catch (error) {
            if (missingCodes.has(local_folder_store_errorCode(error) ?? ""))
                return undefined;
            throw error;
        }
        if (!info.isFile())
            return undefined;
        try {
            const sidecar = JSON.parse(await (0,promises_.readFile)(this.#sidecarPath(path), "utf8"));
            if (sidecar.ino === String(info.ino) &&
                sidecar.size === String(info.size) &&
                sidecar.mtimeNs === String(info.mtimeNs)) {
                return { etag: sidecar.etag, info };
            }
        }
        catch {
            // missing or unreadable sidecar: recompute below
        }
        try {
            return { etag: await sha256OfFile(path), info };
        }
        catch (error) {
            if (missingCodes.has(local_folder_store_errorCode(error) ?? ""))
                return undefined;
            throw error;
        }
    }
    async put(key, body, options = {}) {
        const path = this.#path(key);
        const folder = (0,external_node_path_.dirname)(path);
        const temp = (0,external_node_path_.join)(folder, `${store_key/* reservedNamePrefix */.g}tmp-${(0,external_node_crypto_.randomUUID)()}`);
        const sidecarTemp = (0,external_node_path_.join)(folder, `${store_key/* reservedNamePrefix */.g}tmp-${(0,external_node_crypto_.randomUUID)()}`);
        try {
            const etag = await this.#writeTemp(temp, body);
            const info = await statBig(temp);
            const sidecar = {
                etag,
                ino: String(info.ino),
                size: String(info.size),
                mtimeNs: String(info.mtimeNs),
            };
            await (0,promises_.writeFile)(sidecarTemp, JSON.stringify(sidecar), { flag: "wx" });
            const release = await acquireLock(this.#lockPath(path), {
                timeoutMs: this.#lockTimeoutMs,
                staleMs: this.#staleLockMs,
            });
            try {
                if (options.ifMatch !== undefined) {
                    const current = await this.#currentEtag(path);
                    if (current?.etag !== options.ifMatch)
                        throw new errors/* PreconditionFailedError */.k9(key, "ifMatch");
                }
                if (options.ifNoneMatch === "*") {
                    try {
                        await (0,promises_.link)(temp, path);
                    }
                    catch (error) {
                        if (local_folder_store_errorCode(error) === "EEXIST")
                            throw new errors/* PreconditionFailedError */.k9(key, "ifNoneMatch");
                        throw error;
                    }
                    await (0,promises_.rename)(sidecarTemp, this.#sidecarPath(path));
                }
                else {
                    await (0,promises_.rename)(sidecarTemp, this.#sidecarPath(path));
                    await (0,promises_.rename)(temp, path);
                }
                await syncFolder(folder);
            }
            finally {
                await release();
            }
            return { etag };
        }
        catch (error) {
            throw this.#failure("write", key, error);
        }
        finally {
            await (0,promises_.unlink)(temp).catch(() => undefined);
            await (0,promises_.unlink)(sidecarTemp).catch(() => undefined);
        }
    }
    /** Write the body to a new temporary file (creating folders), fsync it, return its sha256. */
    async #writeTemp(temp, body) {
        // A concurrent delete may remove the (empty) folder between mkdir and open: retry a few times.
        for (let attempt = 1;; attempt++) {
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(temp), { recursive: true });
            try {
                const handle = await (0,promises_.open)(temp, "wx");
                try {
                    const hash = (0,external_node_crypto_.createHash)("sha256");
                    const bytes = (0,put_body/* putBodyBytes */.f9)(body);
                    if (bytes !== undefined) {
                        hash.update(bytes);
                        await writeAll(handle, bytes);
                        await handle.sync();
                        return hash.digest("hex");
                    }
                    for await (const chunk of body) {
                        const buffer = (0,put_body/* chunkBuffer */.SC)(chunk);
                        hash.update(buffer);
                        await writeAll(handle, buffer);
                    }
                    await handle.sync();
                    return hash.digest("hex");
                }
                finally {
                    await handle.close();
                }
            }
            catch (error) {
                if (local_folder_store_errorCode(error) !== "ENOENT" || attempt >= 5)
                    throw error;
            }
        }
    }
    async *list(prefix, options = {}) {
        (0,store_key/* validateStorePrefix */.EB)(prefix);
        const cut = prefix.lastIndexOf("/");
        const baseKey = cut < 0 ? "" : prefix.slice(0, cut + 1);
        yield* this.#walk(baseKey, prefix, options.startAfter);
    }
    async *#walk(folderKey, prefix, after) {
        let entries;
        try {
            entries = await (0,promises_.readdir)((0,external_node_path_.join)(this.root, ...folderKey.split("/").filter((s) => s !== "")), {
                withFileTypes: true,
            });
        }
        catch (error) {
            if (missingCodes.has(local_folder_store_errorCode(error) ?? ""))
                return;
            throw this.#failure("list", prefix, error);
        }
        // A folder sorts as "name/": every key below it starts so, which keeps the walk in byte order.
        const items = entries
            .filter((entry) => !entry.name.startsWith(store_key/* reservedNamePrefix */.g) && (entry.isFile() || entry.isDirectory()))
            .map((entry) => ({
            folder: entry.isDirectory(),
            key: `${folderKey}${entry.name}${entry.isDirectory() ? "/" : ""}`,
        }))
            .sort((a, b) => (0,store_key/* compareKeys */.YD)(a.key, b.key));
        for (const item of items) {
            if (item.folder) {
                if (!item.key.startsWith(prefix) && !prefix.startsWith(item.key))
                    continue;
                if (after !== undefined && (0,store_key/* compareKeys */.YD)(item.key, after) < 0 && !after.startsWith(item.key))
                    continue;
                yield* this.#walk(item.key, prefix, after);
                continue;
            }
            if (!item.key.startsWith(prefix))
                continue;
            if (after !== undefined && (0,store_key/* compareKeys */.YD)(item.key, after) <= 0)
                continue;
            let info;
            try {
                info = await this.#info(item.key, (0,external_node_path_.join)(this.root, ...item.key.split("/")));
            }
            catch (error) {
                throw this.#failure("list", item.key, error);
            }
            if (info !== undefined)
                yield info; // deleted meanwhile: skip
        }
    }
    async delete(key) {
        const path = this.#path(key);
        try {
            const release = await acquireLock(this.#lockPath(path), {
                timeoutMs: this.#lockTimeoutMs,
                staleMs: this.#staleLockMs,
            });
            try {
                await (0,promises_.unlink)(path).catch((error) => {
                    if (!missingCodes.has(local_folder_store_errorCode(error) ?? ""))
                        throw error;
                });
                await (0,promises_.unlink)(this.#sidecarPath(path)).catch(() => undefined);
            }
            finally {
                await release();
            }
        }
        catch (error) {
            if (missingCodes.has(local_folder_store_errorCode(error) ?? ""))
                return;
            throw this.#failure("delete", key, error);
        }
        // Remove folders the delete left empty, so a later key of the same name as a folder can be written.
        let folder = (0,external_node_path_.dirname)(path);
        while (folder.length > this.root.length && folder.startsWith(this.root)) {
            try {
                await (0,promises_.rmdir)(folder);
            }
            catch {
                break;
            }
            folder = (0,external_node_path_.dirname)(folder);
        }
    }
}
/** Write every byte (a write may be short). */
async function writeAll(handle, bytes) {
    let offset = 0;
    while (offset < bytes.byteLength) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset);
        offset += bytesWritten;
    }
}
function statBig(path) {
    return (0,promises_.stat)(path, { bigint: true });
}
async function syncFolder(folder) {
    const handle = await (0,promises_.open)(folder, "r");
    try {
        await handle.sync();
    }
    catch {
        // some filesystems refuse fsync on a directory; the rename is still atomic
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./.build/runtime/store/open-store.js




/** The default store, relative to the project folder. */
const defaultStorePath = ".kiln/store";
async function openLocalFolder(url, context) {
    let path;
    if (url.startsWith("file:")) {
        try {
            path = (0,external_node_url_.fileURLToPath)(url);
        }
        catch (error) {
            throw new errors/* UsageError */.eb(`store URL '${url}' is not a valid file URL (${String(error)}).`, {
                hint: "Use file:///absolute/path or a plain path.",
            });
        }
    }
    else {
        path = (0,external_node_path_.isAbsolute)(url) ? url : (0,external_node_path_.resolve)(context.cwd, url);
    }
    return new LocalFolderStore(path);
}
async function openS3(url, context) {
    const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(url);
    const bucket = match?.[1];
    if (bucket === undefined || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
        throw new errors/* UsageError */.eb(`store URL '${url}' does not name a valid S3 bucket.`, {
            hint: "Use s3://bucket or s3://bucket/prefix (bucket names are 3-63 lowercase letters, digits, dots and hyphens).",
        });
    }
    // Loaded on demand, so local-folder users do not pay for importing the AWS SDK.
    const [{ createS3Client, s3ClientSettingsFromEnv }, { S3Store }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(346)]).then(__webpack_require__.bind(__webpack_require__, 2346)),
        Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(567)]).then(__webpack_require__.bind(__webpack_require__, 567)),
    ]);
    const settings = s3ClientSettingsFromEnv(context.env);
    return new S3Store(createS3Client(settings), {
        bucket,
        prefix: match?.[2] ?? "",
        ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
    });
}
/** Store kinds by URL scheme. */
const storeKinds = {
    file: openLocalFolder,
    s3: openS3,
};
/** The store URL that openStore would use: the given one, KILN_STORE, or the default folder. */
function resolveStoreUrl(url, context) {
    const chosen = url || context.env.KILN_STORE || defaultStorePath;
    return chosen;
}
async function openStore(url, context) {
    const chosen = resolveStoreUrl(url, context);
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]+):/.exec(chosen)?.[1]?.toLowerCase();
    // A plain path (including Windows drive letters, whose "scheme" is one letter) is a local folder.
    const opener = scheme === undefined ? openLocalFolder : storeKinds[scheme];
    if (opener === undefined) {
        throw new errors/* UsageError */.eb(`store URL '${chosen}' uses an unknown store kind '${scheme}'; known kinds: ${Object.keys(storeKinds).sort().join(", ")}.`, { hint: "Set KILN_STORE to s3://bucket/prefix, file:///path or a folder path." });
    }
    return opener(chosen, context);
}


/***/ }),

/***/ 1635:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SC: () => (/* binding */ chunkBuffer),
/* harmony export */   f9: () => (/* binding */ putBodyBytes)
/* harmony export */ });
/* unused harmony export putBodyReadable */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);

/** A put body as bytes when it is already in memory, or undefined for a stream. */
function putBodyBytes(body) {
    if (typeof body === "string")
        return Buffer.from(body, "utf8");
    if (body instanceof Uint8Array)
        return body;
    return undefined;
}
/** A put body as a stream of Buffers. */
function putBodyReadable(body) {
    const bytes = putBodyBytes(body);
    if (bytes !== undefined)
        return Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
    return body;
}
/** Every chunk of a stream as a Buffer (streams may yield strings or Uint8Arrays). */
function chunkBuffer(chunk) {
    if (Buffer.isBuffer(chunk))
        return chunk;
    if (chunk instanceof Uint8Array)
        return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (typeof chunk === "string")
        return Buffer.from(chunk, "utf8");
    throw new TypeError(`a put body stream yielded a ${typeof chunk}, expected bytes or strings`);
}


/***/ }),

/***/ 892:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EB: () => (/* binding */ validateStorePrefix),
/* harmony export */   Tk: () => (/* binding */ validateStoreKey),
/* harmony export */   YD: () => (/* binding */ compareKeys),
/* harmony export */   g: () => (/* binding */ reservedNamePrefix)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8094);

/**
 * Names a local folder store keeps for itself next to the objects (temporary files, etag sidecars,
 * lock files). A key segment may not start with it, and listings never show such files.
 */
const reservedNamePrefix = ".kiln-";
const keyExample = "Keys are '/'-separated relative paths such as 'models/iris/versions/1.0.0.json'.";
function invalidKey(key, what) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .StoreError */ .AD(`store key '${key}' is not valid: ${what}. ${keyExample}`, { key });
}
/** Check a key's shape (the same rules for every store kind) and return it. Throws StoreError. */
function validateStoreKey(key) {
    if (key.length === 0)
        throw invalidKey(key, "it is empty");
    if (key.startsWith("/"))
        throw invalidKey(key, "it is absolute (starts with '/')");
    if (key.includes("\\"))
        throw invalidKey(key, "it contains a backslash");
    if (key.includes("\0"))
        throw invalidKey(key, "it contains a NUL character");
    for (const segment of key.split("/")) {
        if (segment === "")
            throw invalidKey(key, "it has an empty segment (a trailing or doubled '/')");
        if (segment === "." || segment === "..")
            throw invalidKey(key, `it has a '${segment}' segment`);
        if (segment.startsWith(reservedNamePrefix)) {
            throw invalidKey(key, `segment '${segment}' starts with '${reservedNamePrefix}', which the store reserves`);
        }
    }
    return key;
}
/**
 * Check a listing prefix: empty, or a key's beginning (it may end inside a segment, e.g. `models/ir`,
 * or with `/`). Throws StoreError.
 */
function validateStorePrefix(prefix) {
    if (prefix === "")
        return prefix;
    const lastSlash = prefix.lastIndexOf("/");
    // Every complete segment must be valid; the last, partial one only must not escape.
    const complete = prefix.slice(0, lastSlash);
    if (lastSlash >= 0 && complete !== "")
        validateStoreKey(complete);
    if (lastSlash === 0)
        throw invalidKey(prefix, "it is absolute (starts with '/')");
    const partial = prefix.slice(lastSlash + 1);
    if (partial.includes("\\") || partial.includes("\0") || partial === "..") {
        throw invalidKey(prefix, "its last segment is not a valid key beginning");
    }
    return prefix;
}
/** Byte-wise (UTF-8) order of keys, the order S3 lists in. */
function compareKeys(a, b) {
    return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}


/***/ })

};

import { StoreError } from "../../runtime/errors.js";
import type { ObjectStore, PutBody, PutOptions } from "../../runtime/store/object-store.js";

/** Wrap a real store so that puts to keys matching `fails` throw, as an outage would. */
export function failingStore(inner: ObjectStore, fails: (key: string) => boolean): ObjectStore {
  return {
    url: inner.url,
    get: (key) => inner.get(key),
    getBytes: (key) => inner.getBytes(key),
    head: (key) => inner.head(key),
    list: (prefix, options) => inner.list(prefix, options),
    delete: (key) => inner.delete(key),
    put(key: string, body: PutBody, options?: PutOptions) {
      if (fails(key))
        return Promise.reject(
          new StoreError(`store unavailable writing '${key}' (injected outage)`, { key }),
        );
      return inner.put(key, body, options);
    },
  };
}

/** Make the next matching requests fail: a status, or a dropped connection. */
export interface FaultSpec {
  /** HTTP method to match; any when absent. */
  method?: string;
  /** A route template ("/repos/{owner}/{repo}/releases"), an exact path, or a RegExp tested on the path. */
  path: string | RegExp;
  /** Status to answer; default 500. */
  status?: number;
  /** How many matching requests fail; default 1. */
  times?: number;
  /** Destroy the socket instead of answering (a network failure). */
  dropConnection?: boolean;
  /** The `message` of the error body; GitHub's usual text for the status by default. */
  message?: string;
  /** Extra response headers (e.g. `retry-after`, `x-ratelimit-remaining`). */
  headers?: Record<string, string>;
}

export class FaultInjector {
  private readonly faults: { spec: FaultSpec; left: number }[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ spec, left: spec.times ?? 1 });
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** The fault for this request, consuming one of its uses. */
  take(method: string, template: string | undefined, pathname: string): FaultSpec | undefined {
    const index = this.faults.findIndex(({ spec }) => {
      if (spec.method !== undefined && spec.method.toUpperCase() !== method) return false;
      if (spec.path instanceof RegExp) return spec.path.test(pathname);
      return spec.path === template || spec.path === pathname;
    });
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.left--;
    if (fault.left <= 0) this.faults.splice(index, 1);
    return fault.spec;
  }
}

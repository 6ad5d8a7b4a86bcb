import * as core from "@actions/core";
import { UsageError } from "../../../runtime/errors.js";

/** The monitor Action's settings, read from its inputs. */
export interface MonitorInputs {
  /** The model: `name`, `name@1.2.0` or `name:production`. */
  model: string;
  /** The environment the traffic came from; one drift issue per model and environment. */
  environment: string;
  /** The window: a period up to now, e.g. `24h`. */
  window: string;
  /** A reference file instead of the version's training data. */
  reference: string | undefined;
  /** Labels (file or `store:<prefix>`) for performance. */
  labels: string | undefined;
  /** Store URL; undefined falls back to KILN_STORE, then `.kiln/store`. */
  store: string | undefined;
  /** Token for the drift issues; empty turns issue handling off. */
  githubToken: string | undefined;
  /** Healthy runs in a row before the drift issue is closed. */
  closeAfter: number;
  /** Rows a window needs to be compared. */
  minRows: number | undefined;
  /** Where the HTML report is written, for actions/upload-artifact. */
  htmlReportPath: string;
  /** Link to the HTML report in the issue; default the workflow run's page. */
  reportUrl: string | undefined;
}

function optional(name: string): string | undefined {
  const value = core.getInput(name).trim();
  return value === "" ? undefined : value;
}

function wholeNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    throw new UsageError(`input '${name}' must be a whole number of at least 1, not '${text}'.`);
  }
  return n;
}

/** The only place the action reads its inputs. */
export function readInputs(): MonitorInputs {
  const model = core.getInput("model", { required: true }).trim();
  return {
    model,
    environment: optional("environment") ?? "production",
    window: optional("window") ?? "24h",
    reference: optional("reference"),
    labels: optional("labels"),
    store: optional("store"),
    githubToken: optional("github-token"),
    closeAfter: wholeNumber("close-after", optional("close-after")) ?? 3,
    minRows: wholeNumber("min-rows", optional("min-rows")),
    htmlReportPath: optional("html-report-path") ?? "kiln-drift-report.html",
    reportUrl: optional("report-url"),
  };
}

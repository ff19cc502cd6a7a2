/**
 * Reads what `npm audit --json` says about the production dependencies: each vulnerable
 * package as a finding (high and critical ones as errors, which fail the gate, as npm's own
 * `--audit-level=high` does), or that the registry could not be asked at all.
 */
import { spawnSync } from "node:child_process";
import { CouldNotCheckError, type Finding, type GateOutcome } from "../gate.ts";

/** What one run of `npm audit --json` printed, and its exit status. */
export interface AuditRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The part of npm's audit report (`auditReportVersion` 2) the gate reads. */
interface AuditReport {
  message?: string;
  vulnerabilities?: Record<
    string,
    {
      name?: string;
      severity?: string;
      range?: string;
      via?: (string | { title?: string; url?: string })[];
      fixAvailable?: unknown;
    }
  >;
  metadata?: {
    vulnerabilities?: Record<string, number>;
    dependencies?: { prod?: number; total?: number };
  };
}

/** The file a vulnerable package is pinned in: findings name it, with the package as the key. */
const lockFile = "package-lock.json";

/** npm's severities that fail the gate; `low` and `moderate` are warnings. */
const failing = new Set(["high", "critical"]);

/** Runs `npm audit` on the production dependencies of the project in `projectRoot`. */
export function runNpmAudit(projectRoot: string): AuditRun {
  const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], {
    cwd: projectRoot,
    encoding: "utf8",
  });
  if (run.error !== undefined) {
    throw new CouldNotCheckError(`npm could not be started (${run.error.message})`);
  }
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function readReport(run: AuditRun): AuditReport {
  try {
    return JSON.parse(run.stdout) as AuditReport;
  } catch {
    // No JSON at all: npm itself failed; its own words on stderr say why.
    return {};
  }
}

/** What an advisory says, in one line: "title (url)" for each, joined. */
function describeVia(via: NonNullable<AuditReport["vulnerabilities"]>[string]["via"]): string {
  return (via ?? [])
    .map((entry) =>
      typeof entry === "string"
        ? `through ${entry}`
        : `${entry.title ?? "advisory"} (${entry.url ?? "no link"})`,
    )
    .join("; ");
}

/**
 * Turns an audit run into the gate's outcome. A registry that refuses the audit endpoint (some
 * mirrors answer 405) gives no metadata, and npm exits 1 just as for a vulnerability: only the
 * missing metadata tells the two apart, and it is "could not check", never "passed".
 */
export function auditOutcome(run: AuditRun): GateOutcome {
  const report = readReport(run);
  const counts = report.metadata?.vulnerabilities;
  if (counts === undefined) {
    const said = report.message ?? (run.stderr.trim().split("\n").at(-1) || "no answer");
    throw new CouldNotCheckError(
      `could not ask the registry for security advisories (${said}); run \`npm audit --omit=dev\` where the registry allows it`,
    );
  }
  const findings: Finding[] = Object.entries(report.vulnerabilities ?? {}).map(
    ([name, vulnerability]) => {
      const severity = vulnerability.severity ?? "unknown";
      const fix =
        vulnerability.fixAvailable === false ? "no fix yet" : "`npm audit fix` may fix it";
      return {
        rule: `${severity}-vulnerability`,
        severity: failing.has(severity) ? "error" : "warning",
        message: `${name} ${vulnerability.range ?? ""}: ${severity} vulnerability, ${describeVia(vulnerability.via)}; ${fix}`,
        location: { file: lockFile, key: name },
      };
    },
  );
  const dependencies = report.metadata?.dependencies;
  return {
    findings,
    checked: { "production dependencies": dependencies?.prod ?? dependencies?.total ?? 0 },
    notes: [
      `npm audit: ${Object.entries(counts)
        .map(([severity, count]) => `${severity} ${count}`)
        .join(", ")}.`,
    ],
  };
}

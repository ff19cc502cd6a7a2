/**
 * The project's gates, in the order `npm test` runs them after the build: the one list of
 * them. `npm test` (scripts/test.ts) reads it, and `npm run check:<name>` runs one of them
 * through scripts/check.ts. Each gate lives in `src/checks/<name>/gate.ts`, beside its engine;
 * README's "Adding a gate" says how to add one.
 */
import { ExitCode, type Gate } from "./gate.ts";
import { runGateCli, type GateIo } from "./runner.ts";

/** A gate as `npm test` and `npm run check:<name>` know it. */
export interface RegisteredGate {
  /** The gate's name: its folder `src/checks/<name>/`, its reports and its npm script `check:<name>`. */
  name: string;
  /** What `npm test`'s summary calls it, e.g. "duplicate content". */
  description: string;
  /**
   * Where `npm test` runs it: `always`; only where `CI` is set (a gate that asks a service
   * outside the project, which a developer's machine may not reach); or never (`alone`: a gate
   * run on its own, whose verdict `npm test` cannot judge, such as a comparison with an earlier
   * run).
   */
  runs: "always" | "in-ci" | "alone";
  /**
   * How `npm test` counts a run that could not check (exit 2): as a failure, or as skipped for a
   * gate that depends on a service outside the project (a registry that refuses the audit).
   */
  couldNotCheck: "fails" | "skipped";
  /** Runs the gate's command line on the shared runner and returns its exit code. */
  run: (argv: string[], io?: GateIo) => Promise<number>;
}

/**
 * Registers a gate whose module is loaded only when it runs: the accessibility gate brings a
 * browser driver the other gates do not need.
 */
function register<O, D>(
  gate: Omit<RegisteredGate, "run" | "runs" | "couldNotCheck"> &
    Partial<Pick<RegisteredGate, "runs" | "couldNotCheck">>,
  load: () => Promise<Gate<O, D>>,
): RegisteredGate {
  return {
    runs: "always",
    couldNotCheck: "fails",
    ...gate,
    run: async (argv, io) => runGateCli(await load(), argv, io),
  };
}

/** Every gate, in the order `npm test` runs them. */
export const gates: readonly RegisteredGate[] = [
  register({ name: "i18n", description: "translations" }, async () => {
    const { translationGate } = await import("./i18n/gate.ts");
    return translationGate;
  }),
  register({ name: "duplicates", description: "duplicate content" }, async () => {
    const { duplicatesGate } = await import("./duplicates/gate.ts");
    return duplicatesGate;
  }),
  // No page marked as Leichte Sprache is exit 2, a failure, never a skip.
  register({ name: "leichte-sprache", description: "Leichte Sprache" }, async () => {
    const { leichteSpracheGate } = await import("./leichte-sprache/gate.ts");
    return leichteSpracheGate;
  }),
  register({ name: "a11y", description: "accessibility" }, async () => {
    const { a11yGate } = await import("./a11y/gate.ts");
    return a11yGate;
  }),
  // A change in how pages look is for a reviewer to judge: CI uploads its report for pull requests.
  register({ name: "visual", description: "visual changes", runs: "alone" }, async () => {
    const { visualGate } = await import("./visual/gate.ts");
    return visualGate;
  }),
  register(
    { name: "audit", description: "dependency audit", runs: "in-ci", couldNotCheck: "skipped" },
    async () => {
      const { auditGate } = await import("./audit/gate.ts");
      return auditGate;
    },
  ),
];

/** The registered gate of that name, or undefined. */
export function findGate(name: string): RegisteredGate | undefined {
  return gates.find((gate) => gate.name === name);
}

/**
 * `npm run check:<name> [-- options]`: runs the registered gate named first on the command
 * line with the rest of it. A missing or unknown name is a wrong command line (exit 2).
 */
export async function runGateByName(argv: string[], io: GateIo = {}): Promise<number> {
  const [name = "", ...rest] = argv;
  const gate = findGate(name);
  if (gate !== undefined) return gate.run(rest, io);
  const stderr = io.stderr ?? ((text: string) => process.stderr.write(text));
  const given = name === "" ? "no gate was named" : `there is no gate named "${name}"`;
  stderr(
    `check: ${given}. Usage: scripts/check.ts GATE [options], where GATE is one of: ${gates.map((each) => each.name).join(", ")}.\n`,
  );
  return ExitCode.couldNotCheck;
}

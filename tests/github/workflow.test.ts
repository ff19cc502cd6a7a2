import { readFile } from "node:fs/promises";
import path from "node:path";
import { load } from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../support/project.ts";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}
interface Job {
  needs?: string | string[];
  if?: string;
  steps: Step[];
  permissions?: Record<string, string>;
}

const workflowFile = path.join(projectRoot, ".github/workflows/ci.yml");
let text: string;
let jobs: Record<string, Job>;

beforeAll(async () => {
  text = await readFile(workflowFile, "utf8");
  jobs = (load(text) as { jobs: Record<string, Job> }).jobs;
});

const needsOf = (job: Job) => (typeof job.needs === "string" ? [job.needs] : (job.needs ?? []));

describe("the GitHub workflow", () => {
  it("pins every action to a full commit SHA with its version in a comment", () => {
    const uses = [...text.matchAll(/^\s*(?:- )?uses: (\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(10);
    for (const [line, action = "", comment = ""] of uses) {
      expect(action, line).toMatch(/^[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[0-9a-f]{40}$/);
      expect(comment, line).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });

  it("builds the site once, for publication with the repository's SITE_URL, and every gate job reads that build", () => {
    const builds = Object.entries(jobs).flatMap(([name, job]) =>
      job.steps.filter((step) => /npm run build\b/.test(step.run ?? "")).map(() => name),
    );
    expect([...new Set(builds)]).toEqual(["build"]);
    const build = jobs.build?.steps.find((step) => /npm run build\b/.test(step.run ?? ""));
    expect(build?.run).toContain("npm run build -- --production");
    expect(build?.env?.SITE_URL).toBe("${{ vars.SITE_URL }}");
    for (const name of ["gates", "a11y", "a11y-merge"]) {
      const job = jobs[name];
      if (job === undefined) throw new Error(`no job ${name}`);
      expect(needsOf(job), name).toContain("build");
      expect(
        job.steps.some(
          (step) =>
            step.uses?.startsWith("actions/download-artifact@") && step.with?.name === "site",
        ),
        name,
      ).toBe(true);
    }
  });

  it("deploys to GitHub Pages from main only, after every other job passed, exactly the artifact the build job made", () => {
    const deploy = jobs.deploy;
    if (deploy === undefined) throw new Error("no deploy job");
    expect(needsOf(deploy).sort()).toEqual(
      Object.keys(jobs)
        .filter((name) => name !== "deploy")
        .sort(),
    );
    expect(deploy.if).toContain("github.ref == 'refs/heads/main'");
    for (const name of needsOf(deploy)) {
      expect(deploy.if).toContain(`needs.${name}.result == 'success'`);
    }
    expect(deploy.steps.map((step) => step.uses?.replace(/@.*/, ""))).toEqual([
      "actions/deploy-pages",
    ]);
    expect(deploy.permissions).toEqual({ pages: "write", "id-token": "write" });
    const pagesArtifact = jobs.build?.steps.find((step) =>
      step.uses?.startsWith("actions/upload-pages-artifact@"),
    );
    expect(pagesArtifact?.with?.path).toBe("_site/");
    expect(pagesArtifact?.if).toContain("github.ref == 'refs/heads/main'");
  });
});

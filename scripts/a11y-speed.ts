// By hand: npx tsx scripts/a11y-speed.ts [SITE_DIR] [RUNS]. The accessibility gate, cold, side by
// side with pa11y-ci's defaults on the same pages; prints each run and the median ratio.
import { compareWithPa11yCi } from "../src/checks/a11y/speed.ts";
import { projectFolders, projectPath } from "../src/lib/project.ts";

const siteDir = process.argv[2] ?? projectPath(projectFolders.output);
const runs = Number(process.argv[3] ?? "3");
const ratios: number[] = [];
for (let run = 0; run < runs; run++) {
  const result = await compareWithPa11yCi(siteDir, run % 2 === 0 ? "gate-first" : "pa11y-ci-first");
  ratios.push(result.ratio);
  console.log(
    `${result.pages} pages: gate ${result.gateSeconds.toFixed(1)} s, pa11y-ci defaults ${result.pa11yCiSeconds.toFixed(1)} s, ${result.ratio.toFixed(2)} × faster`,
  );
}
ratios.sort((a, b) => a - b);
console.log(`median ${(ratios[Math.floor(ratios.length / 2)] ?? 0).toFixed(2)} ×`);

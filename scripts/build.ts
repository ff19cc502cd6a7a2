import path from "node:path";
import { describeBuildError, publishSite } from "../src/build.ts";

const projectRoot = path.resolve(import.meta.dirname, "..");
const outputDir = path.join(projectRoot, "_site");
const started = performance.now();
try {
  await publishSite({ projectRoot, outputDir, quiet: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Built the site into ${path.relative(process.cwd(), outputDir) || "."}/ in ${seconds} s.`,
  );
} catch (error) {
  console.error(
    `The site was not built; the last good build in _site/ is unchanged.\n\n${describeBuildError(error)}`,
  );
  process.exitCode = 1;
}

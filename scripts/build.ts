import path from "node:path";
import { parseArgs } from "node:util";
import { runBuild } from "../src/build.ts";

const usage = `Usage: npm run build [-- --production]

Builds the site into _site/.
  --production  build for publication: refuse while data/ holds a placeholder or SITE_URL is
                missing, not https: or this machine, listing every problem with file and field
  -h, --help    show this help`;

let production = false;
try {
  const { values } = parseArgs({
    options: { production: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  production = values.production ?? false;
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
process.exitCode = await runBuild(path.resolve(import.meta.dirname, ".."), undefined, {
  production,
});

import path from "node:path";
import { parseArgs } from "node:util";
import { nginxSiteConfig } from "../src/lib/deploy/nginx.ts";
import { projectFolders } from "../src/lib/project.ts";

const usage = `Usage: npm run nginx-config [-- --root DIR]

Prints the nginx configuration that serves the built site, to include in a server { } block
(which sets listen, server_name and TLS):
  --root DIR   where the published _site/ folder lies on the server (default: this project's)
  -h, --help   show this help`;

try {
  const { values } = parseArgs({
    options: { root: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(usage);
  } else {
    const root = path.resolve(
      values.root ?? path.join(import.meta.dirname, "..", projectFolders.output),
    );
    process.stdout.write(nginxSiteConfig({ root }));
  }
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exitCode = 2;
}

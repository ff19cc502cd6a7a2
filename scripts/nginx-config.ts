// npm run nginx-config [-- --root DIR]: the nginx configuration for the built site, on the
// harness every command of the project runs on.
import path from "node:path";
import type { Command } from "../src/checks/gate.ts";
import { runCommandCli } from "../src/checks/runner.ts";
import { nginxSiteConfig } from "../src/lib/deploy/nginx.ts";
import { projectFolders, projectPath } from "../src/lib/project.ts";

const nginxConfigCommand: Command<{ root: string }> = {
  name: "nginx-config",
  summary: `Prints the nginx configuration that serves the built site, to include in a server { } block
(which sets listen, server_name and TLS).`,
  usage: `Usage: npm run nginx-config [-- --root DIR]

  --root DIR      where the published ${projectFolders.output}/ folder lies on the server (default: this project's)`,
  options: { root: { type: "string" } },
  parse: (args, projectRoot) => ({
    root: path.resolve(
      typeof args.values.root === "string"
        ? args.values.root
        : projectPath(projectFolders.output, projectRoot),
    ),
  }),
  run: (options) => Promise.resolve({ exitCode: 0, lines: [nginxSiteConfig(options).trimEnd()] }),
};

process.exitCode = await runCommandCli(nginxConfigCommand);

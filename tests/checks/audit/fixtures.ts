import type { AuditRun } from "../../../src/checks/audit/npm-audit.ts";

/** What npm 11 prints for `npm audit --json` when the registry refuses the audit endpoint. */
export const refusedAudit: AuditRun = {
  status: 1,
  stdout: `${JSON.stringify(
    {
      message:
        "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
      method: "POST",
      statusCode: 405,
    },
    null,
    2,
  )}\n`,
  stderr: "npm error audit endpoint returned an error\n",
};

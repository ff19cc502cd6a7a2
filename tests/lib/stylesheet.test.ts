import { readFile } from "node:fs/promises";
import path from "node:path";
import postcss, { type AtRule, type ChildNode, type Container } from "postcss";
import { beforeAll, describe, expect, it } from "vitest";
import {
  compileStylesheet,
  dropUnused,
  kernClassesIn,
  markupSources,
  requiredKernClasses,
} from "../../src/lib/stylesheet.ts";
import { projectRoot } from "../../src/lib/project.ts";
import { copyProject, editFile } from "../support/project.ts";

/** A block of declarations: where it stands (at-rules, selector) and what it declares. */
interface Block {
  where: string;
  declarations: Set<string>;
}

function contextOf(node: ChildNode): string {
  const parts: string[] = [];
  for (let parent = node.parent; parent !== undefined && parent.type !== "root";) {
    const atRule = parent as AtRule;
    parts.unshift(`@${atRule.name} ${atRule.params.replace(/\s+/g, " ")}`);
    parent = parent.parent as Container | undefined;
  }
  return parts.join(" > ");
}

/** Every rule of a stylesheet as one block per selector, and every @font-face as one block. */
function blocksOf(css: string): Block[] {
  const blocks: Block[] = [];
  const declarations = (container: Container) =>
    new Set(
      (container.nodes ?? [])
        .filter((node) => node.type === "decl")
        .map((node) => `${node.prop}:${node.value}${node.important ? "!important" : ""}`),
    );
  postcss.parse(css).walk((node) => {
    if (node.type === "rule") {
      for (const selector of node.selectors) {
        blocks.push({ where: `${contextOf(node)} ${selector}`, declarations: declarations(node) });
      }
    } else if (node.type === "atrule" && node.name === "font-face") {
      blocks.push({ where: `${contextOf(node)} @font-face`, declarations: declarations(node) });
    }
  });
  return blocks;
}

/**
 * The blocks of `built` that no block of `sources` produced: a selector no source rule has in
 * that place, or a declaration its source rule does not make. (The build may leave
 * declarations and selectors out; it may not add or change one.)
 */
function foreignBlocks(built: string, sources: readonly string[]): string[] {
  const allowed = sources.flatMap(blocksOf);
  return blocksOf(built)
    .filter(
      (block) =>
        !allowed.some(
          (source) =>
            source.where === block.where &&
            [...block.declarations].every((declaration) => source.declarations.has(declaration)),
        ),
    )
    .map((block) => `${block.where} { ${[...block.declarations].join("; ")} }`);
}

describe("the site's stylesheet", () => {
  let built: string;
  let kern: string;
  let layer: string;

  beforeAll(async () => {
    // What the build publishes as /assets/site.css (tests/plugins/styles.test.ts checks that),
    // and Sass's own output for each part, kept from before anything was dropped.
    ({ css: built, kern, layer } = await compileStylesheet(projectRoot));
  });

  it("holds no rule that KERN's compile did not produce or the site's layer does not declare", () => {
    expect(blocksOf(built).length).toBeGreaterThan(50);
    expect(foreignBlocks(built, [kern, layer])).toEqual([]);
  });

  it("takes KERN's part from KERN's own Sass sources and nothing else", async () => {
    const source = await readFile(path.join(projectRoot, "src/styles/kern.scss"), "utf8");
    const statements = source
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("//"));
    expect(statements.length).toBeGreaterThan(5);
    for (const statement of statements) {
      expect(statement).toMatch(/^@use "@kern-ux\/native\/src\/scss\/core\/[\w/-]+";$/);
    }
  });

  it("would show a hand-written rule, and a KERN rule changed by hand", () => {
    expect(foreignBlocks(`${built}\n.extra{color:red}`, [kern, layer])).toEqual([
      " .extra { color:red }",
    ]);
    const changed = built.replace(/(\.kern-table__header\{[^}]*?font-weight:)[^;}]+/, "$1900");
    expect(changed).not.toBe(built);
    expect(foreignBlocks(changed, [kern, layer])).toHaveLength(1);
  });

  it("keeps KERN's rules only for the classes the markup uses, and KERN's tokens only where read", () => {
    const used = kernClassesIn(markupSources(projectRoot));
    const needed = new Set(blocksOf(built).flatMap((block) => requiredKernClasses(block.where)));
    expect(needed.size).toBeGreaterThan(10);
    expect([...needed].filter((name) => !used.has(name))).toEqual([]);
    expect(built.length).toBeLessThan((kern.length + layer.length) / 2);
    for (const token of built.matchAll(/(--kern-[\w-]+):/g)) {
      expect(built, token[1]).toContain(`var(${token[1]}`);
    }
  });

  it("has no data: URL (KERN's icons are left out), no syllable hyphenation by the browser and no squeezed tables", () => {
    expect(built).not.toMatch(/data:/);
    expect(built).not.toMatch(/hyphens\s*:\s*auto/);
    expect(built).not.toMatch(/overflow-wrap\s*:\s*anywhere|word-break\s*:\s*break-all/);
    expect(built).not.toMatch(/table-layout\s*:\s*fixed/);
  });

  it("serves its fonts from the site, shown in a fallback font until they have loaded", () => {
    const faces = blocksOf(built).filter((block) => block.where.endsWith("@font-face"));
    expect(faces).toHaveLength(3);
    for (const face of faces) {
      expect(face.declarations).toContain("font-display:swap");
      expect([...face.declarations].join(";")).toMatch(
        /src:url\("\/assets\/fonts\/[\w-]+\.woff2"\)/,
      );
    }
  });
});

describe("dropUnused", () => {
  it("drops the dark theme, classes no markup uses and tokens nothing reads, and keeps the rest", () => {
    const root = postcss.parse(`:root{--a:1px;--b:var(--a);--c:2px;--d:var(--c)}
.kern-card{padding:var(--b)}
.kern-table{margin:var(--d)}
.kern-card .kern-title--large{color:red}
body:has(.kern-dialog[open]){overflow:hidden}
:is(body,.kern-dark):not([class*=kern-level-]){--e:1px}
.kern-dark{color:white}
[data-kern-theme=dark]{color:white}
@media (prefers-color-scheme:dark){:root{--a:2px}}
@media (min-width:48rem){.kern-table{padding:0}}`);
    dropUnused(root, new Set(["kern-card"]));
    expect(root.toString()).toBe(`:root{--a:1px;--b:var(--a)}
.kern-card{padding:var(--b)}`);
  });
});

describe("compileStylesheet", () => {
  it("stops at a Sass error with the file, line and column", async () => {
    const root = await copyProject();
    await editFile(root, "src/styles/site.scss", (text) =>
      text.replace("body {\n", "body {\n  color: $no-such-variable;\n"),
    );
    const scss = await readFile(path.join(root, "src/styles/site.scss"), "utf8");
    const line = scss.split("\n").findIndex((row) => row.includes("$no-such-variable")) + 1;
    await expect(compileStylesheet(root)).rejects.toMatchObject({
      name: "ContentError",
      message: expect.stringContaining("Undefined variable") as unknown,
      location: { file: "src/styles/site.scss", line, column: 10 },
    });
  });
});

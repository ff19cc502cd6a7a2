import { html, type Html } from "../lib/html.ts";
import { toolLanguage } from "../lib/languages.ts";

/**
 * A report page for the people who run the checks (never part of the published site): the
 * title as its heading, the body in one `<main>`, in the tools' language, set in the system's
 * font. `style` adds the rules the report's own parts need; `width` is its column's measure.
 */
export function reportPage(title: string, body: Html, style: Html, width = "70rem"): string {
  return html`<!doctype html>
<html lang="${toolLanguage}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;margin:1rem auto;max-width:${width};padding:0 1rem}${style}</style>
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`.markup;
}

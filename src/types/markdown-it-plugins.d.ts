// markdown-it-bracketed-spans ships plain CommonJS without types.
declare module "markdown-it-bracketed-spans" {
  import type { PluginSimple } from "markdown-it";
  const bracketedSpans: PluginSimple;
  export default bracketedSpans;
}

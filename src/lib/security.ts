/** A content security policy: each directive with the sources it allows. */
type PolicyDirectives = Readonly<Record<string, readonly string[]>>;

/**
 * What a page may load: its stylesheet, fonts and images (the favicon) from the site's own host,
 * and nothing else — no scripts, frames, connections or forms, no inline styles, no `data:`
 * images (the stylesheet is compiled without KERN's icons, which are `data:` URLs), and no
 * `<base>` that could send relative links elsewhere. Both the `<meta>` tag on every page and
 * `/_headers` use it, and the accessibility gate requires every page's policy to be exactly this
 * one.
 */
const contentSecurityPolicy: PolicyDirectives = {
  "default-src": ["'none'"],
  "style-src": ["'self'"],
  "font-src": ["'self'"],
  "img-src": ["'self'"],
  "base-uri": ["'none'"],
  "form-action": ["'none'"],
};

/** Directives browsers obey only when the policy comes as a header, not in a `<meta>` tag. */
const headerOnlyDirectives: PolicyDirectives = {
  // No other site may show pages of this one in a frame (clickjacking).
  "frame-ancestors": ["'none'"],
};

/** Writes a policy in the form of the `Content-Security-Policy` header and meta tag. */
function formatPolicy(directives: PolicyDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}

/** The policy of the `<meta http-equiv="Content-Security-Policy">` tag on every page. */
export const metaContentSecurityPolicy = formatPolicy(contentSecurityPolicy);

/**
 * Response headers for every file of the site, written to `/_headers` for static hosts that
 * read that file (Netlify, Cloudflare Pages). Browser features the site does not use are
 * switched off, and no address is passed on to other sites when a reader follows a link.
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  "Content-Security-Policy": formatPolicy({ ...contentSecurityPolicy, ...headerOnlyDirectives }),
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Permissions-Policy": [
    "accelerometer",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "payment",
    "usb",
  ]
    .map((feature) => `${feature}=()`)
    .join(", "),
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  // For browsers that predate `frame-ancestors`.
  "X-Frame-Options": "DENY",
};

/**
 * The Content Security Policy of every page (explorer, embed, embed previewer,
 * presentation), defined once. The production build writes it into each HTML file
 * as a <meta http-equiv> tag, so it holds on any static host; `vite preview` also
 * sends it as a header, with a report endpoint the browser tests can read.
 *
 * No 'unsafe-eval' and no inline scripts: every script is a same-origin file. Zod
 * runs jitless (src/data/zodJitless.ts) so it never probes `new Function`; MapLibre's
 * worker is a same-origin module file set with setWorkerUrl, so neither blob: nor
 * data: workers are needed. Inline styles stay allowed: React style attributes and
 * MapLibre position elements with them; scripts are what matters.
 *
 * Framing is deliberately not restricted (no frame-ancestors, no X-Frame-Options):
 * embeds must stay frameable by any newsroom's page.
 *
 * This module is read by vite.config.ts (Node) and by tests; the app does not import it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Plugin } from "vite";

export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "worker-src": ["'self'"],
  "img-src": ["'self'", "data:", "blob:"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "connect-src": ["'self'"],
  "font-src": ["'self'"],
  "frame-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'none'"],
};

const serialise = (directives: Readonly<Record<string, readonly string[]>>) =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");

/** The policy as a <meta> tag can carry it (meta ignores frame-ancestors, report-uri, report-to, sandbox). */
export const CSP_POLICY = serialise(CSP_DIRECTIVES);

/** Where `vite preview` collects violation reports (POST), and lists them (GET). */
export const CSP_REPORT_PATH = "/__csp-report";

/** The same policy as a response header, with a report endpoint. */
export const CSP_HEADER_POLICY = `${CSP_POLICY}; report-uri ${CSP_REPORT_PATH}`;

/** Script elements with no src (inline code) or inline event-handler attributes in built HTML. */
export function inlineScriptProblems(html: string): string[] {
  const problems: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? "";
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    // JSON data blocks are not executed; anything else without src is inline code.
    if (!/\bsrc\s*=/i.test(attrs) && type !== "application/json" && type !== "application/ld+json")
      problems.push(`inline <script${attrs}> (${(m[2] ?? "").trim().slice(0, 60)}…)`);
  }
  for (const m of html.matchAll(/<[a-z][^>]*\s(on[a-z]+)\s*=/gi)) problems.push(`inline event handler ${m[1]}=`);
  if (/\bjavascript:/i.test(html)) problems.push("javascript: URL");
  return problems;
}

/** The page with the policy <meta> right after its charset declaration (before any script it must govern). */
export function withPolicyMeta(html: string): string {
  if (/http-equiv=["']?Content-Security-Policy/i.test(html))
    throw new Error("the page already declares a Content Security Policy");
  const tag = `<meta http-equiv="Content-Security-Policy" content="${CSP_POLICY}" />`;
  const charset = /<meta\s+charset=[^>]*>/i.exec(html);
  if (charset)
    return `${html.slice(0, charset.index + charset[0].length)}\n    ${tag}${html.slice(charset.index + charset[0].length)}`;
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error("no <head> to put the Content Security Policy in");
  return `${html.slice(0, head.index + head[0].length)}\n    ${tag}${html.slice(head.index + head[0].length)}`;
}

export interface CspReport {
  received: string;
  report: unknown;
}

/**
 * Vite plugins: (1) at build time, prepend the policy <meta> to every HTML entry and
 * fail the build if any inline script remains; (2) in `vite preview`, accept the
 * browser's violation reports at CSP_REPORT_PATH, log them, and list them on GET.
 * The dev server (HMR injects inline scripts) gets neither.
 */
export function contentSecurityPolicy(): Plugin[] {
  const reports: CspReport[] = [];
  return [
    {
      name: "exodus:csp-meta",
      apply: "build",
      transformIndexHtml: {
        order: "post",
        handler(html, ctx) {
          const problems = inlineScriptProblems(html);
          if (problems.length > 0)
            throw new Error(
              `${ctx.filename}: the Content Security Policy allows no inline script, but the built page has: ${problems.join("; ")}`,
            );
          return withPolicyMeta(html);
        },
      },
    },
    {
      name: "exodus:csp-reports",
      configurePreviewServer(server) {
        server.middlewares.use(CSP_REPORT_PATH, (req: IncomingMessage, res: ServerResponse) => {
          if (req.method === "GET") {
            res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
            res.end(JSON.stringify(reports));
            return;
          }
          if (req.method !== "POST") {
            res.writeHead(405).end();
            return;
          }
          let body = "";
          req.setEncoding("utf8");
          req.on("data", (chunk: string) => {
            if (body.length < 64_000) body += chunk;
          });
          req.on("end", () => {
            let report: unknown = body;
            try {
              report = JSON.parse(body);
            } catch {
              // Kept as text.
            }
            if (reports.length < 1000) reports.push({ received: new Date().toISOString(), report });
            server.config.logger.warn(`[csp] violation report: ${body.slice(0, 500)}`);
            res.writeHead(204).end();
          });
        });
      },
    },
  ];
}

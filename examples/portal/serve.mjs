// Tiny static server for the demo portal, on Node's `http` only (no deps).
//
//   /        -> examples/portal/
//   /pkg/... -> bindings-wasm/pkg-web/ (the wasm-bindgen `--target web` build),
//               or the folder `start` is given (the test's probe build)
//
// Run: `node examples/portal/serve.mjs [port]` (or PORT=...); port 0 picks a
// free one. The test imports `start` to run it in-process.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const ROOTS = {
  site: resolve(HERE),
  pkg: resolve(HERE, "../../bindings-wasm/pkg-web"),
};

// Browsers refuse to compile a module or stream-instantiate wasm served with
// the wrong type, so these must be exact.
const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
};

/** The file a URL path maps to (the package's under `pkg`), or null when
 * it must not be served. */
function resolvePath(urlPath, pkg) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null; // malformed %-escape
  }
  // Reject traversal and odd bytes outright rather than normalising them:
  // nothing legitimate on this site needs them.
  if (decoded.includes("..") || decoded.includes("\0") || decoded.includes("\\")) {
    return null;
  }
  let root = ROOTS.site;
  let rel = decoded;
  if (decoded === "/pkg" || decoded.startsWith("/pkg/")) {
    root = pkg;
    rel = decoded.slice("/pkg".length);
  } else if (decoded.startsWith("/node_modules/") || decoded.startsWith("/test/") ||
             decoded.startsWith("/out/")) {
    return null; // dev-only folders beside the page are not part of the site
  }
  if (rel === "" || rel.endsWith("/")) rel += "index.html";
  const file = resolve(join(root, rel));
  // Belt and braces: the result must stay inside its root.
  return file === root || file.startsWith(root + sep) ? file : null;
}

async function handle(req, res, pkg) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain" });
    res.end("405 Method Not Allowed\n");
    return;
  }
  // The raw path, not `new URL(...).pathname`: URL parsing would quietly
  // fold "/a/../b" into "/b", and we want any ".." rejected outright.
  const file = resolvePath(req.url.split(/[?#]/)[0], pkg);
  let body = null;
  if (file) {
    try {
      if ((await stat(file)).isFile()) body = await readFile(file);
    } catch {
      body = null; // missing file: 404 below
    }
  }
  if (!body) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("404 Not Found\n");
    return;
  }
  res.writeHead(200, {
    "Content-Type": MIME[extname(file).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": body.length,
    // The WASM build is replaced in place while developing: never cache.
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * Starts the server on `port` (0 = any free port) on 127.0.0.1, serving
 * the WASM package from `pkg` (default: bindings-wasm/pkg-web).
 * Resolves to `{server, url}`; close it with `server.close()`.
 */
export function start(port = 8080, host = "127.0.0.1", pkg = ROOTS.pkg) {
  const root = resolve(pkg);
  const server = createServer((req, res) => {
    handle(req, res, root).catch((err) => {
      res.writeHead(500, { "Content-Type": "text/plain" });
      res.end(`500 ${err.message}\n`);
    });
  });
  return new Promise((resolveStart, reject) => {
    server.once("error", reject);
    server.listen(Number(port), host, () => {
      const { port: actual } = server.address();
      resolveStart({ server, url: `http://${host}:${actual}/` });
    });
  });
}

// Run directly: `node serve.mjs [port]`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = process.argv[2] ?? process.env.PORT ?? 8080;
  const { url } = await start(port);
  console.log(`motcua portal demo: ${url}`);
}

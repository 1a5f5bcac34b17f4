// The container's HEALTHCHECK: exit 0 when the server answers /healthz.
const port = process.env.PORT ?? "8080";

try {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, {
    signal: AbortSignal.timeout(2000),
  });
  process.exitCode = response.ok ? 0 : 1;
} catch {
  process.exitCode = 1;
}

import { RUN_ENV, startNginx } from "./nginxServer.ts";

/** Starts nginx for the whole run (both origins); the function returned stops it. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const { run, stop } = await startNginx();
  process.env[RUN_ENV] = JSON.stringify(run);
  return stop;
}

// Preloaded (node --require) into the `next start` that bench/run.ts starts: if the benchmark
// process disappears without cleaning up (SIGKILL, a crash), the server is re-parented and stops
// itself within a second (SIGTERM to itself: Next shuts down as usual). One unref'd timer a second.
"use strict";
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, "SIGTERM");
}, 1000).unref();

/**
 * Loaded with `node --import` by the publishing benchmark: when the process
 * exits, prints one JSON line on stderr with its wall and CPU milliseconds
 * and its peak RSS in bytes.
 */
const start = performance.now();
process.on('exit', () => {
  const cpu = process.cpuUsage();
  console.error(
    JSON.stringify({
      ms: performance.now() - start,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakRss: process.resourceUsage().maxRSS * 1024,
    }),
  );
});

// Preloaded into every node process of a measured command (NODE_OPTIONS=--import …), npm's own included: at exit,
// appends the process's script and its peak resident memory to the file named by PEAK_RSS_FILE. A process reports
// its own peak, so no polling can miss a short-lived spike and no platform tool (/usr/bin/time, ps) is needed.
import { appendFileSync } from "node:fs";
import process from "node:process";

const reportFile = process.env.PEAK_RSS_FILE;
if (reportFile) {
  process.on("exit", () => {
    const report = { script: process.argv[1] ?? "", peakRssKb: process.resourceUsage().maxRSS };
    appendFileSync(reportFile, `${JSON.stringify(report)}\n`);
  });
}

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";

const PEAK_RSS_PRELOAD = pathToFileURL(join(import.meta.dirname, "reportPeakRss.mjs")).href;

const PeakRssReport = z.object({ script: z.string(), peakRssKb: z.number() });

/** One timed run of a command: wall time from spawn to exit, and the peak memory of each node process it started. */
export interface CommandRun {
  ms: number;
  exitCode: number | null;
  stdout: string;
  /** Peak resident memory of the measured program, in MB: the largest node process that is not npm itself. */
  programPeakRssMb: number;
}

/**
 * Runs `command args` with `stdin` fed in, and measures it. Every node process below it (npm, then the program)
 * reports its own peak RSS through a preload; npm's is left out, because the figure that matters is the program's.
 * DISCORD_TOKEN is set empty, so that a developer's .env cannot turn the console into the bot.
 */
export function measureCommand(command: string, args: readonly string[], stdin: string): Promise<CommandRun> {
  const reportFolder = mkdtempSync(join(tmpdir(), "peak-rss-"));
  const reportFile = join(reportFolder, "reports.jsonl");
  const env = {
    ...process.env,
    DISCORD_TOKEN: "",
    npm_config_update_notifier: "false",
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${PEAK_RSS_PRELOAD}`.trim(),
    PEAK_RSS_FILE: reportFile,
  };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ["pipe", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.on("error", reject);
    child.on("close", (exitCode) => {
      const ms = performance.now() - started;
      try {
        resolve({ ms, exitCode, stdout, programPeakRssMb: programPeakRssMb(readFileSync(reportFile, "utf8")) });
      } catch (error) {
        reject(error);
      } finally {
        rmSync(reportFolder, { recursive: true, force: true });
      }
    });
    child.stdin.end(stdin);
  });
}

/** The program's peak RSS in MB from the preload's reports: the largest node process that is not npm itself. */
export function programPeakRssMb(reportLines: string): number {
  const reports = reportLines
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => PeakRssReport.parse(JSON.parse(line)))
    .filter((report) => !/npm-cli\.js$|[/\\]npm$/.test(report.script));
  if (reports.length === 0) throw new Error("no node process of the measured command reported its peak memory");
  return Math.max(...reports.map((report) => report.peakRssKb)) / 1024;
}

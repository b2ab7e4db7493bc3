/**
 * Every option a command's --help lists appears in README's synopsis of that command: the code
 * spans in its "Commands" section that start with `hta <command>` (its heading, and the other
 * forms the section names, such as `hta uptake --aggregates …`). A new option cannot be added
 * without the README naming it (README.md "Commands" is the reference for the synopses).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';

const README = readFileSync('README.md', 'utf8');
const commandsSection = README.slice(README.indexOf('\n## Commands'), README.indexOf('\n## ', README.indexOf('\n## Commands') + 1));
const spans = [...commandsSection.matchAll(/`(hta [^`]+)`/g)].map((m) => m[1]!);

/** Every command with its path of names (`plan check`), leaves and parents alike. */
function commandsOf(c: Command, path: string[] = []): { path: string; command: Command }[] {
  return c.commands.flatMap((sub) => [{ path: [...path, sub.name()].join(' '), command: sub }, ...commandsOf(sub, [...path, sub.name()])]);
}

describe("README's synopses name every option of every command", () => {
  it('each --help option appears in a `hta <command> …` span of README "Commands"', async () => {
    const { program } = await buildProgram({ stdout: () => {}, stderr: () => {} });
    const missing: string[] = [];
    for (const { path, command } of commandsOf(program)) {
      if (command.commands.length > 0) continue; // `hta plan`, `hta simulate`: their subcommands are checked
      const synopses = spans.filter((s) => s === `hta ${path}` || s.startsWith(`hta ${path} `));
      if (synopses.length === 0) {
        missing.push(`hta ${path}: no synopsis`);
        continue;
      }
      for (const o of command.options) {
        const name = o.long ?? o.short!;
        if (name === '--help') continue;
        // `--no-cache` is written so; a `--x <v>` is matched as a whole word.
        if (!synopses.some((s) => new RegExp(`(^|[\\s\\[|])${name.replace(/[-]/g, '\\-')}(?![\\w-])`).test(s))) missing.push(`hta ${path}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

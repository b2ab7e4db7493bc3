import type { Command } from 'commander';

/** The words that run `command` (`['simulate', 'trial']`): the tests that walk every command's options. */
export function pathOf(command: Command): string[] {
  const words: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) words.unshift(c.name());
  return words;
}

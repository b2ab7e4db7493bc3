/**
 * A content-addressed cache of rendered charts: Vega-Lite spec → (SVG, PNG). Drawing is a pure
 * function of the spec and of the renderer (vega, vega-lite, resvg, the shipped font, the zoom),
 * so an entry keyed by a hash of all of them can be reused byte for byte; drawing the ~30 charts
 * is most of the time `hta report` takes when only some inputs changed.
 *
 *   key = sha256(drawing code, hta version, package versions, font bytes, zoom, spec JSON)
 *
 * "Drawing code" is the source of the modules that turn a spec into bytes (render-chart, text-metrics,
 * png-pool, chart-font, vega-lib, text-to-path, glyph-outlines; and text-to-path's version), so changing them invalidates every entry without anyone
 * remembering to.
 *
 * Entries live in the user's own cache folder (`~/.cache/hta/charts` or `$XDG_CACHE_HOME/hta/charts`,
 * `~/Library/Caches/hta/charts` on macOS, `%LOCALAPPDATA%\hta\Cache\charts` on Windows; never in
 * the installation, which other users and projects share, nor in `reports/`). A chart holds what
 * its page publishes (a flow's reasons, arm names), so the folder hta creates is the user's alone
 * (0700) and each entry 0600. Entries are written atomically, and a missing or unreadable entry is
 * simply a miss. CI starts from a clean clone, so `hta report --check` there always draws every chart afresh.
 *
 * An entry is checked before it is used: its SVG file ends with the SHA-256 of the SVG and the PNG
 * as put, and an entry whose bytes do not match (cut short by a power cut after an unsynced rename,
 * emptied by a bad CI cache restore, changed by hand) is dropped, counted for a note, and the chart
 * drawn again — a page never publishes a damaged chart (docs/architecture.md#the-chart-cache).
 *
 * The folder may be the user's choice (`$HTA_CACHE_DIR`), so the cache touches only what it wrote
 * (docs/architecture.md#the-chart-cache, docs/output-safety.md): a folder it takes as its own gets
 * a `CACHEDIR.TAG` of hta's; a folder without one that holds anything but entry-shaped files is
 * not used at all (a note says so); and pruning removes only `<64 hex>.png`/`.svg` pairs.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, posix, win32 } from 'node:path';
import { CHART_FONT_FILES, PNG_ZOOM } from './chart-font.js';
import { TEXT_TO_PATH_VERSION } from './text-to-path.js';

/**
 * The modules, next to this one, whose code decides the drawn bytes. From dist/, vega-lib is the
 * bundle of vega and vega-lite (scripts/bundle-vega.mjs), so its hash also covers their
 * dependencies (vega-scenegraph, d3-*, …), whose versions the list below does not name.
 */
const DRAWING_MODULES = ['render-chart', 'text-metrics', 'png-pool', 'chart-font', 'vega-lib', 'text-to-path', 'glyph-outlines'];

/** Entries kept after a run (most recently used first); ~30 charts per full regeneration. */
const MAX_ENTRIES = 400;

/**
 * hta's mark on a folder it uses as its cache: a Cache Directory Tag (https://bford.info/cachedir/,
 * so backup tools skip the folder too) whose second line says it is hta's.
 */
export const CACHE_MARKER = 'CACHEDIR.TAG';
const MARKER_TEXT = 'Signature: 8a477f597d28d172789f06886806bc55\n# hta chart cache: drawn charts that `hta report` may draw again; hta prunes this folder.\n';

/**
 * The names the cache itself writes: an entry's SVG and PNG, and their staging files
 * (`<key>.<ext>.<pid>-<16 random hex>.tmp`, created exclusively; `<key>.<ext>.<pid>.tmp` from an
 * older hta).
 */
const ENTRY = /^[0-9a-f]{64}\.(png|svg)$/;
const STAGING = /^[0-9a-f]{64}\.(png|svg)\.\d+(-[0-9a-f]{16})?\.tmp$/;

/**
 * A staging file is renamed into place the moment it is written; one this old was left by a put
 * that failed (a full disk) or a process that died, and prune removes it. A younger one may be
 * another run's, still being written.
 */
const STALE_STAGING_MS = 5 * 60 * 1000;

/**
 * The layout of an entry, part of its key: entries of an older layout (an SVG without the check
 * line) are misses, never taken for damaged ones, and are pruned as the least recently used.
 */
const ENTRY_LAYOUT = 2;

/** The last line of an entry's SVG file: the SHA-256 of the SVG (UTF-8), a NUL and the PNG. */
const CHECK_LINE = /\n<!-- hta-chart-cache sha256 ([0-9a-f]{64}) -->\n$/;
const entryDigest = (svg: string, png: Uint8Array) => createHash('sha256').update(svg).update('\u0000').update(png).digest('hex');

export interface CachedChart {
  svg: string;
  png: Uint8Array;
}

export interface ChartCache {
  /** Why the folder is not used (a folder of someone else's files), for a note on stderr. */
  refused?: string;
  /** How many entries read so far were damaged (dropped, and their charts drawn again), for a note. */
  damaged(): number;
  get(spec: unknown): CachedChart | undefined;
  put(spec: unknown, chart: CachedChart): void;
  /** Drops the least recently used entries beyond the limit. */
  prune(): void;
}

/**
 * The default cache folder: the user's own cache folder, by the platform's convention (XDG on
 * Linux and other Unixes, an absolute `$XDG_CACHE_HOME` only), never the installation's
 * `node_modules/.cache`, which every user and project of an install shares
 * (docs/architecture.md#the-chart-cache). Undefined when the home folder is not an absolute path,
 * or (when the folder would be inside it) not an existing folder: see defaultChartCacheDirOrWhyNot.
 */
export function defaultChartCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir(), isFolder: (path: string) => boolean = existingFolder): string | undefined {
  const found = defaultChartCacheDirOrWhyNot(env, platform, home, isFolder);
  return 'dir' in found ? found.dir : undefined;
}

/** Whether `path` is a folder that exists (following links, as the cache's own mkdir would). */
function existingFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** defaultChartCacheDir, or why there is none (for the note `hta report` prints). */
export function defaultChartCacheDirOrWhyNot(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir(), isFolder: (path: string) => boolean = existingFolder): { dir: string } | { none: string } {
  const paths = platform === 'win32' ? win32 : posix;
  // An empty or relative home folder (HOME="") would put the cache in the current folder, inside
  // the user's project: no cache then. A home folder that does not exist (a service account's
  // HOME=/nonexistent) is not created to hold one: hta writes nothing outside what the user named
  // but its cache, and that inside the user's own folders. An absolute $XDG_CACHE_HOME or
  // %LOCALAPPDATA% is the user's own choice of cache folder, created as the XDG spec says.
  let homeMissing = false;
  const fromHome = (...below: string[]): string | undefined => {
    if (!paths.isAbsolute(home)) return undefined;
    if (!isFolder(home)) {
      homeMissing = true;
      return undefined;
    }
    return paths.join(home, ...below);
  };
  const base = (given: string | undefined, ...fallback: string[]): string | undefined => (given && paths.isAbsolute(given) ? given : fromHome(...fallback));
  let dir: string | undefined;
  if (platform === 'win32') {
    const local = base(env.LOCALAPPDATA, 'AppData', 'Local');
    dir = local && paths.join(local, 'hta', 'Cache', 'charts');
  } else if (platform === 'darwin') {
    dir = fromHome('Library', 'Caches', 'hta', 'charts');
  } else {
    const xdg = base(env.XDG_CACHE_HOME, '.cache');
    dir = xdg && paths.join(xdg, 'hta', 'charts');
  }
  if (dir !== undefined) return { dir };
  return {
    none: homeMissing
      ? 'the home folder (HOME) does not exist, and hta does not create it to hold a cache'
      : 'the home folder is not an absolute path (HOME is empty or relative), and a cache there would be written inside the current folder',
  };
}

/** The mode of a cache folder hta creates and of its entries: the user's alone (the umask can only narrow it). */
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? '?';
    } catch {
      // not this folder
    }
    const up = dirname(dir);
    if (up === dir) return '?';
    dir = up;
  }
}

/** Everything besides the spec that the drawn bytes depend on. */
export function rendererFingerprint(htaVersion: string): string {
  const fontHash = createHash('sha256');
  for (const f of CHART_FONT_FILES) fontHash.update(readFileSync(f));
  const font = fontHash.digest('hex');
  const versions = ['vega', 'vega-lite', '@resvg/resvg-js'].map((n) => `${n}@${packageVersion(n)}`);
  // Same extension as this module: .ts under a TypeScript runner, .js from dist/.
  const ext = import.meta.url.slice(import.meta.url.lastIndexOf('.'));
  const code = createHash('sha256');
  for (const m of DRAWING_MODULES) code.update(readFileSync(new URL(`./${m}${ext}`, import.meta.url)));
  return JSON.stringify({ code: code.digest('hex'), hta: htaVersion, versions, font, zoom: PNG_ZOOM, textToPath: TEXT_TO_PATH_VERSION });
}

/** File name stem of a spec's entry. */
export function chartCacheKey(fingerprint: string, spec: unknown): string {
  return createHash('sha256').update(`layout ${ENTRY_LAYOUT}\u0000`).update(fingerprint).update('\u0000').update(JSON.stringify(spec)).digest('hex');
}

/**
 * Whether `dir` may be hta's cache: absent (created on first write), holding hta's marker, or
 * holding nothing but files shaped like the cache's own (a cache made before the marker existed,
 * or an empty folder). Anything else is someone's folder: `foreign`, never written or pruned.
 */
function folderState(dir: string): 'absent' | 'marked' | 'unmarked' | 'foreign' | 'unusable' {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'unusable';
  }
  if (names.includes(CACHE_MARKER)) {
    try {
      return readFileSync(join(dir, CACHE_MARKER), 'utf8') === MARKER_TEXT ? 'marked' : 'foreign';
    } catch {
      return 'foreign';
    }
  }
  return names.every((n) => ENTRY.test(n) || STAGING.test(n)) ? 'unmarked' : 'foreign';
}

/**
 * A cache in `dir` (created on first write); any file-system failure turns it into a no-op.
 * `readOnly` (`hta report --check`, which writes nothing: docs/manifest.md): entries are read, but
 * nothing is created, written, pruned or marked as used.
 */
export function openChartCache(dir: string, fingerprint: string, options: { readOnly?: boolean } = {}): ChartCache {
  const keyOf = (spec: unknown) => chartCacheKey(fingerprint, spec);
  const state = folderState(dir);
  if (state === 'foreign') {
    return {
      refused: `the chart cache folder ${dir} holds files hta did not write (it has no ${CACHE_MARKER} of hta's), so it is not used as a cache and nothing in it is touched; charts are drawn afresh — point HTA_CACHE_DIR at a new or empty folder`,
      damaged: () => 0,
      get: () => undefined,
      put: () => undefined,
      prune: () => undefined,
    };
  }
  let damaged = 0;
  let marked = state === 'marked';
  let writable = state !== 'unusable' && options.readOnly !== true;
  /** Puts hta's marker in the folder (creating it); false when it cannot. */
  const claim = (): boolean => {
    if (marked) return true;
    try {
      // A folder hta creates (and any parent it must create) is the user's alone; one that exists keeps its mode.
      mkdirSync(dir, { recursive: true, mode: DIR_MODE });
      // Exclusive: a marker someone else put there meanwhile is theirs, not overwritten.
      writeFileSync(join(dir, CACHE_MARKER), MARKER_TEXT, { flag: 'wx', mode: FILE_MODE });
      marked = true;
    } catch {
      writable = false;
    }
    return marked;
  };
  return {
    damaged: () => damaged,
    get(spec) {
      const base = join(dir, keyOf(spec));
      let stored: string;
      let png: Uint8Array;
      try {
        // The PNG first: an entry exists once its PNG does (put writes it last).
        png = new Uint8Array(readFileSync(`${base}.png`));
        stored = readFileSync(`${base}.svg`, 'utf8');
      } catch {
        return undefined;
      }
      const check = CHECK_LINE.exec(stored);
      const svg = check ? stored.slice(0, check.index) : '';
      if (!check || entryDigest(svg, png) !== check[1]) {
        // Damaged: never published. Dropped so the next run does not meet it again (put replaces
        // it once the chart is drawn); --check writes nothing, so there it is only passed over.
        damaged++;
        if (writable) for (const ext of ['png', 'svg']) try { unlinkSync(`${base}.${ext}`); } catch { /* gone already, or read-only */ }
        return undefined;
      }
      const chart: CachedChart = { svg, png };
      // Marks the entry as recently used, for `prune`; a cache on a read-only disk is still a cache.
      if (options.readOnly !== true) {
        try {
          const now = new Date();
          utimesSync(`${base}.png`, now, now);
        } catch {
          // ignore
        }
      }
      return chart;
    },
    put(spec, chart) {
      if (!writable || !claim()) return;
      const base = join(dir, keyOf(spec));
      const svgFile = `${chart.svg}\n<!-- hta-chart-cache sha256 ${entryDigest(chart.svg, chart.png)} -->\n`;
      let tmp: string | undefined;
      try {
        // The PNG last: an entry counts only when its PNG exists, and each file appears whole.
        for (const [ext, data] of [['svg', svgFile], ['png', chart.png]] as const) {
          // Exclusive and random, like every staging file of hta's: never another run's file, nor one planted there.
          tmp = `${base}.${ext}.${process.pid}-${randomBytes(8).toString('hex')}.tmp`;
          writeFileSync(tmp, data, { mode: FILE_MODE, flag: 'wx' });
          renameSync(tmp, `${base}.${ext}`);
          tmp = undefined;
        }
      } catch {
        // A full disk leaves part of a file: removed, not left holding the space.
        if (tmp !== undefined) try { unlinkSync(tmp); } catch { /* not created */ }
        writable = false;
      }
    },
    prune() {
      // Only a folder hta marked as its own, and only names the cache writes (ENTRY). A cache made
      // before the marker existed (entry-shaped files only) is marked here, so it is pruned too.
      if (!writable) return;
      if (!marked && (folderState(dir) !== 'unmarked' || !claim())) return;
      if (folderState(dir) !== 'marked') return;
      let entries: { base: string; used: number }[];
      let names: string[];
      try {
        names = readdirSync(dir);
        entries = names
          .filter((f) => ENTRY.test(f) && f.endsWith('.png'))
          .map((f) => ({ base: join(dir, f.slice(0, -4)), used: statSync(join(dir, f)).mtimeMs }))
          .sort((a, b) => b.used - a.used);
      } catch {
        return; // a cache that cannot be pruned is still correct
      }
      // Staging files a failed put or a dead process left (STALE_STAGING_MS).
      const now = Date.now();
      for (const f of names.filter((n) => STAGING.test(n))) {
        try {
          if (now - statSync(join(dir, f)).mtimeMs > STALE_STAGING_MS) unlinkSync(join(dir, f));
        } catch {
          // gone already
        }
      }
      for (const e of entries.slice(MAX_ENTRIES)) {
        for (const ext of ['png', 'svg']) {
          try {
            unlinkSync(`${e.base}.${ext}`);
          } catch {
            // already gone, or not ours to remove
          }
        }
      }
    },
  };
}

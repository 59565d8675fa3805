/**
 * A lowdb adapter for one JSON file that writes atomically (see
 * writeFileAtomic) and never harms a file it cannot understand: a file that
 * is not valid JSON, or that the optional `parse` check rejects, is reported
 * as corrupt_data naming the file, and left exactly as it was. A large
 * file may be decoded and checked elsewhere (`readLarge`, off the event
 * loop) and written in parts (`contents`).
 */
import * as nodeFs from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { ApiError } from '../../shared/contract/apiError';
import { jsonSyntaxProblem } from '../../shared/formats/jsonSyntaxProblem';
import { readDataEntry, readDataEntrySync, type DataEntryRead } from '../safety/readDataEntry';
import { writeFileAtomic, type AtomicWriteFs, type FileContents } from './writeFileAtomic';
import { LARGE_DATA_FILE_BYTES } from './largeFileChecks';

/** The file system used for writing; reads always go through readDataEntry (regular files only, links never followed). */
export type AtomicJsonFs = AtomicWriteFs;

export interface AtomicJsonAdapterOptions<T> {
  /** Checks the parsed JSON (read from `bytes`) and returns the typed data; throws an Error saying what is wrong. */
  parse?: (value: unknown, bytes: Buffer) => T;
  fs?: AtomicJsonFs;
  /**
   * Reads a file of LARGE_DATA_FILE_BYTES or more from its bytes, making the same checks as decoding and
   * `parse` do (the store's texts: in the import worker); a problem completes "<file> …". `read` only.
   */
  readLarge?: (bytes: Buffer) => Promise<{ problem: string } | { problem: null; value: T }>;
  /** What the file holds for the data; default the JSON of it, indented, and a line break. Parts are written one at a time. */
  contents?: (data: T) => FileContents;
  /**
   * Without `contents`: 'compact': on one line, every character beyond ASCII written as \uXXXX —
   * for index.json (issue 20: 42 MB at 100,000 articles), which then reads
   * as a one-byte string, decoded and parsed in about 60 % of the time.
   * Default 'pretty' (two-space indents, as the files have always been).
   */
  format?: 'pretty' | 'compact';
}

export class AtomicJsonAdapter<T> implements Adapter<T> {
  readonly filePath: string;
  private readonly parse: (value: unknown, bytes: Buffer) => T;
  private readonly fs: AtomicJsonFs;
  private readonly readLarge: AtomicJsonAdapterOptions<T>['readLarge'];
  private readonly contents: (data: T) => FileContents;
  private readonly format: 'pretty' | 'compact';

  constructor(filePath: string, options: AtomicJsonAdapterOptions<T> = {}) {
    this.filePath = filePath;
    this.parse = options.parse ?? ((value) => value as T);
    this.fs = options.fs ?? nodeFs;
    this.readLarge = options.readLarge;
    this.format = options.format ?? 'pretty';
    const format = this.format;
    this.contents = options.contents ?? ((data) => (format === 'compact' ? compactJsonContents(data) : `${JSON.stringify(data, null, 2)}\n`));
  }

  async read(): Promise<T | null> {
    const entry = await readDataEntry(this.filePath);
    if (this.readLarge && entry.state === 'ok' && entry.bytes.length >= LARGE_DATA_FILE_BYTES) {
      const read = await this.readLarge(entry.bytes);
      if (read.problem !== null) throw this.corrupt(read.problem);
      return read.value;
    }
    return this.fromEntry(entry);
  }

  /**
   * Like read, at once: for reading thousands of small files in a row (a
   * streamed export), where waiting for each read costs more than the read.
   */
  readNow(): T | null {
    return this.fromEntry(readDataEntrySync(this.filePath));
  }

  /** Missing: null. Not a readable regular file (a folder, a link, no permission): corrupt_data, so a restore is offered. */
  private fromEntry(entry: DataEntryRead): T | null {
    if (entry.state === 'missing') return null;
    if (entry.state === 'damaged') throw this.corrupt(entry.problem);
    return this.decode(entry.bytes);
  }

  private decode(bytes: Buffer): T {
    const raw = bytes.toString('utf8');
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw this.corrupt(`is not valid JSON (${jsonSyntaxProblem(raw, error)})`);
    }
    try {
      return this.parse(value, bytes);
    } catch (error) {
      throw error instanceof ApiError ? error : this.corrupt(messageOf(error));
    }
  }

  async write(data: T): Promise<void> {
    try {
      await writeFileAtomic(this.filePath, this.contents(data), this.fs);
    } catch (error) {
      throw new ApiError('internal', `Could not save ${this.filePath}: ${messageOf(error)}. The previous version was kept.`);
    }
  }

  private corrupt(problem: string): ApiError {
    return new ApiError('corrupt_data', `${this.filePath} ${problem}. The file was left untouched.`);
  }
}

/** A file's contents in the 'compact' format: asciiJson and a line end (what a reader of the file's bytes digests). */
export function compactJsonContents(data: unknown): string {
  return `${asciiJson(data)}\n`;
}

/** JSON on one line with every character beyond ASCII escaped (the same value once parsed). */
export function asciiJson(data: unknown): string {
  return JSON.stringify(data).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

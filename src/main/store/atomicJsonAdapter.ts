/**
 * A lowdb adapter for one JSON file that writes atomically (see
 * writeFileAtomic) and never harms a file it cannot understand: a file that
 * is not valid JSON, or that the optional `parse` check rejects, is reported
 * as corrupt_data naming the file, and left exactly as it was.
 */
import { readFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { ApiError } from '../../shared/contract/apiError';
import { writeFileAtomic, type AtomicWriteFs } from './writeFileAtomic';

export type AtomicJsonFs = AtomicWriteFs & Pick<typeof nodeFs, 'readFile'>;

export interface AtomicJsonAdapterOptions<T> {
  /** Checks the parsed JSON and returns the typed data; throws an Error saying what is wrong. */
  parse?: (value: unknown) => T;
  fs?: AtomicJsonFs;
}

export class AtomicJsonAdapter<T> implements Adapter<T> {
  readonly filePath: string;
  private readonly parse: (value: unknown) => T;
  private readonly fs: AtomicJsonFs;

  constructor(filePath: string, options: AtomicJsonAdapterOptions<T> = {}) {
    this.filePath = filePath;
    this.parse = options.parse ?? ((value) => value as T);
    this.fs = options.fs ?? nodeFs;
  }

  async read(): Promise<T | null> {
    let raw: string;
    try {
      raw = await this.fs.readFile(this.filePath, 'utf8');
    } catch (error) {
      return this.unreadable(error);
    }
    return this.decode(raw);
  }

  /**
   * Like read, at once: for reading thousands of small files in a row (a
   * streamed export), where waiting for each read costs more than the read.
   */
  readNow(): T | null {
    let raw: string;
    try {
      raw = readFileSync(this.filePath, 'utf8');
    } catch (error) {
      return this.unreadable(error);
    }
    return this.decode(raw);
  }

  private unreadable(error: unknown): null {
    if (isErrorCode(error, 'ENOENT')) return null;
    throw new ApiError('internal', `Could not read ${this.filePath}: ${messageOf(error)}`);
  }

  private decode(raw: string): T {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw this.corrupt(`is not valid JSON (${messageOf(error)})`);
    }
    try {
      return this.parse(value);
    } catch (error) {
      throw error instanceof ApiError ? error : this.corrupt(messageOf(error));
    }
  }

  async write(data: T): Promise<void> {
    try {
      await writeFileAtomic(this.filePath, `${JSON.stringify(data, null, 2)}\n`, this.fs);
    } catch (error) {
      throw new ApiError('internal', `Could not save ${this.filePath}: ${messageOf(error)}. The previous version was kept.`);
    }
  }

  private corrupt(problem: string): ApiError {
    return new ApiError('corrupt_data', `${this.filePath} ${problem}. The file was left untouched.`);
  }
}

function isErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

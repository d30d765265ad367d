import { InputError } from '../../domain/types.ts';

/** An import that could not be done: says which source and what went wrong. Nothing was written. */
export class ImportError extends InputError {
  readonly source: string;
  constructor(source: string, reason: string, status = 422) {
    super(`Import of ${source} failed: ${reason}`, null, status);
    this.name = 'ImportError';
    this.source = source;
  }
}

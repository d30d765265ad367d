// Saves one segment: 2 s after the last keystroke, at once on blur or on a status change. One request at a
// time; a change made while one runs is saved by the next. A refused target stays in the field.
import { api } from '../api.ts';
import { errorText } from '../shell/forms.ts';
import type { TranslationView } from './common.ts';
import type { SegmentView } from '../../../domain/translation.ts';

export const SEGMENT_AUTOSAVE_MS = 2000;

export interface Saved {
  segment: SegmentView;
  translation: TranslationView;
  article: { id: number; version: number; status: string };
}

export interface SaverEvents {
  state(s: 'saving' | 'saved' | 'failed', error?: string): void;
  saved(saved: Saved): void;
}

export class SegmentSaver {
  private dirty = false;
  private origin: 'memory' | 'machine' | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly url: string;
  private readonly value: () => string;
  private readonly on: SaverEvents;

  constructor(articleId: number, segmentId: number, value: () => string, on: SaverEvents) {
    this.url = `/articles/${articleId}/segments/${segmentId}`;
    this.value = value;
    this.on = on;
  }

  /** The text changed (typed, or filled from a match / machine suggestion: `origin`). */
  changed(origin: 'memory' | 'machine' | null = null): void {
    this.dirty = true;
    if (origin) this.origin = origin;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SEGMENT_AUTOSAVE_MS);
  }

  flush(): Promise<void> {
    if (!this.dirty) return this.chain.then(() => undefined);
    return this.saveNow(undefined).then(() => undefined);
  }

  /** Saves now, with `status` when given (else the server keeps or picks it). True when the server took it. */
  saveNow(status: string | undefined): Promise<boolean> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const run = this.chain.then(() => this.send(status));
    this.chain = run.catch(() => false);
    return run;
  }

  private async send(status: string | undefined): Promise<boolean> {
    const target = this.value();
    const origin = this.origin;
    this.dirty = false;
    this.on.state('saving');
    try {
      const body: Record<string, string> = { target };
      if (status) body.status = status;
      if (origin) body.origin = origin;
      const saved = await api<Saved>('PUT', this.url, body);
      if (this.origin === origin) this.origin = null;
      this.on.state('saved');
      this.on.saved(saved);
      return true;
    } catch (err) {
      this.dirty = true;
      this.on.state('failed', errorText(err));
      return false;
    }
  }
}

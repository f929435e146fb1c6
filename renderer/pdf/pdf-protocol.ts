// Messages between the export dialog and the PDF worker.
import type { SponsorPack } from '../domain/sponsor-pack';
import type { ExportProgress, PackCheck } from './engine';

/**
 * A render may name the count whose pack it draws (`counted`) instead of sending the pack again:
 * the worker then draws the layout of that dry run, and the UI thread does not copy the pack a
 * second time. A worker that no longer has that layout answers `resend`.
 */
export type PdfRequest =
  | { id: number; type: 'warm' }
  | { id: number; type: 'count'; pack: SponsorPack }
  | { id: number; type: 'render'; pack: SponsorPack | null; counted: number | null };

export type PdfResponse =
  | { id: number; type: 'progress'; progress: ExportProgress }
  | { id: number; type: 'count'; check: PackCheck }
  | { id: number; type: 'done'; bytes: ArrayBuffer; pages: number }
  | { id: number; type: 'resend' }
  | { id: number; type: 'error'; message: string };

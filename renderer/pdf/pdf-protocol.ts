// Messages between the export dialog and the PDF worker.
import type { SponsorPack } from '../domain/sponsor-pack';
import type { ExportProgress, PackCheck } from './engine';

export type PdfRequest = { id: number; type: 'count'; pack: SponsorPack } | { id: number; type: 'render'; pack: SponsorPack };

export type PdfResponse =
  | { id: number; type: 'progress'; progress: ExportProgress }
  | { id: number; type: 'count'; check: PackCheck }
  | { id: number; type: 'done'; bytes: ArrayBuffer; pages: number }
  | { id: number; type: 'error'; message: string };

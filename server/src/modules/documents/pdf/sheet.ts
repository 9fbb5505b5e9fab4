import PDFDocument from 'pdfkit';
import { documentFonts, type FontWeight } from './fonts';

/** A4 portrait in points, with the margins every document uses. */
const PAGE = { width: 595.28, height: 841.89, margin: 42 };
const FOOTER = 24;

export interface Cell {
  text: string;
  /** Left edge and width, in points from the left margin. */
  x: number;
  width: number;
  align?: 'left' | 'right' | 'center';
  weight?: FontWeight;
  size?: number;
}

/**
 * A document written top to bottom: rows of cells that wrap within their widths, a new page (with the
 * running header) when a row would not fit, page numbers at the end. Everything is text in the
 * embedded Japanese font, so pdftotext and a viewer's search read every figure.
 */
export class Sheet {
  readonly doc: PDFKit.PDFDocument;
  readonly width = PAGE.width - PAGE.margin * 2;
  y = PAGE.margin;
  /** Drawn at the top of every page after the first (a table's column heads, say). */
  runningHeader: (() => void) | null = null;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(meta: { title: string; createdAt: Date }) {
    this.doc = new PDFDocument({
      size: [PAGE.width, PAGE.height],
      margin: PAGE.margin,
      bufferPages: true,
      autoFirstPage: true,
      lang: 'ja-JP',
      displayTitle: true,
      info: {
        Title: meta.title,
        Author: 'Webビリング',
        Creator: 'Webビリング',
        CreationDate: meta.createdAt,
      },
    });
    const fonts = documentFonts();
    // pdfkit takes a parsed fontkit font as its source (see fonts.ts); its types name only files and bytes.
    this.doc.registerFont('regular', fonts.regular as unknown as Buffer);
    this.doc.registerFont('bold', fonts.bold as unknown as Buffer);
    this.doc.font('regular');
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  private get bottom(): number {
    return PAGE.height - PAGE.margin - FOOTER;
  }

  /** Starts a new page when `height` points would not fit on this one. */
  ensure(height: number): void {
    if (this.y + height <= this.bottom) return;
    this.doc.addPage();
    this.y = PAGE.margin;
    this.runningHeader?.();
  }

  gap(points: number): void {
    this.y += points;
  }

  private style(cell: Pick<Cell, 'weight' | 'size'>): void {
    this.doc.font(cell.weight ?? 'regular').fontSize(cell.size ?? 9);
  }

  /**
   * A cell's height, and how to draw it. Most cells are one short line: those are measured by their
   * width alone (pdfkit caches a string's layout) and drawn without pdfkit's line wrapper, which
   * allocates enough per call to make garbage collection most of a long bill's time (bench:documents).
   */
  private measure(cell: Cell): { height: number; single: boolean; textWidth: number } {
    this.style(cell);
    const text = cell.text || ' ';
    if (!text.includes('\n')) {
      const textWidth = this.doc.widthOfString(text);
      if (textWidth <= cell.width)
        return { height: this.doc.currentLineHeight(true) + 1, single: true, textWidth };
    }
    return {
      height: this.doc.heightOfString(text, { width: cell.width, lineGap: 1 }),
      single: false,
      textWidth: 0,
    };
  }

  /** One row of cells, as tall as its tallest cell; never split across pages. */
  row(cells: Cell[], options: { padding?: number; rule?: boolean; shade?: boolean } = {}): void {
    const padding = options.padding ?? 3;
    const measured = cells.map((c) => this.measure(c));
    const height = Math.max(...measured.map((m) => m.height)) + padding * 2;
    this.ensure(height);
    if (options.shade) {
      this.doc
        .save()
        .rect(PAGE.margin, this.y, this.width, height)
        .fill('#f0f0f0')
        .restore()
        .fillColor('black');
    }
    for (const [i, cell] of cells.entries()) {
      this.style(cell);
      const x = PAGE.margin + cell.x;
      const y = this.y + padding;
      const m = measured[i];
      if (m.single) {
        const free = cell.width - m.textWidth;
        const shift = cell.align === 'right' ? free : cell.align === 'center' ? free / 2 : 0;
        this.doc.text(cell.text, x + shift, y, { lineBreak: false });
      } else {
        this.doc.text(cell.text, x, y, { width: cell.width, align: cell.align ?? 'left', lineGap: 1 });
      }
    }
    this.y += height;
    if (options.rule) this.rule(0.4);
  }

  /** A paragraph across the page. */
  paragraph(text: string, style: { weight?: FontWeight; size?: number; align?: Cell['align'] } = {}): void {
    this.row([{ text, x: 0, width: this.width, ...style }], { padding: 2 });
  }

  /** A horizontal line under what was written, across the page or `width` points from the left. */
  rule(thickness = 0.8, width = this.width): void {
    this.doc
      .save()
      .lineWidth(thickness)
      .moveTo(PAGE.margin, this.y)
      .lineTo(PAGE.margin + width, this.y)
      .stroke('#444444')
      .restore();
    this.y += 2;
  }

  /** Page numbers ("1 / 3") and the document's name at the foot of every page, then the bytes. */
  finish(footer: string): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      this.doc.font('regular').fontSize(7.5);
      const y = PAGE.height - PAGE.margin - 10;
      // Writing below the bottom margin would make pdfkit add a page: lift the margin while writing.
      const margins = this.doc.page.margins;
      this.doc.page.margins = { ...margins, bottom: 0 };
      this.doc.text(footer, PAGE.margin, y, { width: this.width / 2, lineBreak: false });
      this.doc.text(`${i - start + 1} / ${count}`, PAGE.margin + this.width / 2, y, {
        width: this.width / 2,
        align: 'right',
        lineBreak: false,
      });
      this.doc.page.margins = margins;
    }
    this.doc.end();
    return this.done;
  }
}

const yen = new Intl.NumberFormat('ja-JP');

/** Yen as the bills print them: `12,345円`, `-1,100円`. */
export const formatYen = (amount: number): string => `${yen.format(amount)}円`;

/** `2026-05` → `2026年5月`. */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}

/** `2026-05-10` → `2026年5月10日`. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const tokyo = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment in Japan time: `2026年5月10日 14:03`. */
export function formatDateTime(at: Date): string {
  const parts = Object.fromEntries(tokyo.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}年${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
}

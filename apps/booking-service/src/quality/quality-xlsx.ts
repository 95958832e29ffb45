import ExcelJS from 'exceljs';
import type { QualitySheet } from './quality-sheets.js';

/**
 * The monthly report as an Excel workbook, one sheet per view (exceljs: maintained, streams,
 * writes real number formats). Shares are numbers formatted as percent, so a reader can sum and
 * sort them; the header row is bold and frozen.
 */
export async function qualityWorkbook(sheets: readonly QualitySheet[], title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Talon';
  book.title = title;
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(sheet.titles).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row);
    sheet.titles.forEach((titleText, index) => {
      const column = ws.getColumn(index + 1);
      column.width = Math.min(40, Math.max(10, titleText.length + 2));
      if (sheet.shareColumns.includes(index)) column.numFmt = '0.0%';
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

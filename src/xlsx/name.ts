/** Whether a path names a workbook (.xlsx, any letter case): kept apart so that recognising one loads nothing. */
export function isWorkbookName(file: string): boolean {
  return /\.xlsx$/i.test(file);
}

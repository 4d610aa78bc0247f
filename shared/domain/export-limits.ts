/** Rows beyond this are never exported in one file. */
export const EXPORT_LIMIT_MAX = 10_000_000;
/** Excel's sheet holds 1,048,576 rows; one is the header. */
export const XLSX_MAX_DATA_ROWS = 1_048_575;

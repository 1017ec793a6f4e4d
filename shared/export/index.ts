export { buildExport, readExport, importAsNewPlan, ExportFileError, EXPORT_FORMAT, EXPORT_VERSION, type KringExport, type ExportedRoom } from './format.ts'
export { readableRoom, readableJson, type ReadableRoom } from './readable.ts'
export { exportMarkdown } from './markdown.ts'

/** The one Decree 30/2020 rendering module (Word and printable HTML): the module's face. */
import type { ModuleManifest } from '../../platform/module';

export { decisionDocument, decisionForPlan, type DecisionOptions } from './decision-document';
export { lowerFirst } from './doc-text';
export { planDocument, planTitle } from './plan-document';
export { renderDocx } from './render-docx';
export { renderHtml } from './render-html';
export { renderAnnexDocx, type AnnexContent } from './annex-document';
export { renderReportDocx, reportSubject, type ConsolidatedReportContent, type ReportIssuer, type ReportPart } from './report-document';
export type { ColumnKind, ReportTable, TableCell, TableColumn } from './report-table';
export { unzipEntry } from './docx-xml';

export const manifest: ModuleManifest = { name: 'documents' };

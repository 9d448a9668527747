import type { FastifyReply } from 'fastify';
import { communeParams, importQuery, importResult, todayVn } from '@tds/contracts';
import { authorize } from '../../platform/authorize';
import { actorOf, metaOf, type App, type Deps } from '../../platform/http';
import { attachmentHeader } from '../../platform/attachment';
import { readUpload, zipLimits } from '../../platform/uploads';
import { importUnits, XLSX_MIME } from './import-units';
import { buildTemplate, exportCommuneUnits } from './unit-excel';

const tags = ['org'];

/** Units to and from Excel: the blank template, the export, and the import (dry run or commit). */
export async function unitExcelRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.get(
    '/api/communes/:communeId/units/import-template.xlsx',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Tải tệp Excel mẫu để nhập đơn vị', params: communeParams },
    },
    async (req, reply) => {
      authorize(actorOf(req), 'org.read', { communeId: req.params.communeId });
      return sendXlsx(reply, 'Mẫu nhập đơn vị.xlsx', await buildTemplate());
    },
  );

  app.get(
    '/api/communes/:communeId/units/export.xlsx',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Xuất danh sách đơn vị ra Excel', params: communeParams },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        `Danh sách đơn vị ${todayVn().split('-').reverse().join('-')}.xlsx`,
        await exportCommuneUnits({ db, actor: actorOf(req), communeId: req.params.communeId }),
      ),
  );

  app.post(
    '/api/communes/:communeId/units/import',
    {
      config: { access: 'org.unit.write' },
      schema: { tags, summary: 'Nhập đơn vị từ Excel (chạy thử hoặc ghi)', params: communeParams, querystring: importQuery, response: { 200: importResult } },
    },
    async (req) =>
      importUnits({
        db,
        actor: actorOf(req),
        meta: metaOf(req),
        communeId: req.params.communeId,
        dryRun: req.query.dryRun === 'true',
        workers: deps.workers,
        zip: zipLimits(deps.config),
        file: await readUpload(req, { maxBytes: deps.config.MAX_UPLOAD_BYTES, missing: 'Chưa chọn tệp: hãy gửi tệp Excel trong trường "file".' }),
      }),
  );
}

function sendXlsx(reply: FastifyReply, filename: string, content: Buffer) {
  return reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader(filename)).send(content);
}

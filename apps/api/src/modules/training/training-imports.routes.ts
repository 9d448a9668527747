import { communeParams, completionImportResult, importQuery, populationImportResult, sessionImportResult } from '@tds/contracts';
import { actorOf, metaOf, type App, type Deps } from '../../platform/http';
import { readUpload, zipLimits } from '../../platform/uploads';
import { importCompletions } from './import-completions';
import { importPopulation } from './import-population';
import { importSessions } from './import-sessions';
import { buildImportTemplate, type ImportKind } from './training-excel';
import { reachesTeam, reachesVillage } from './training.policy';
import { modulesOf, villagesOf } from './training.store';
import { inTraining } from './training-context';
import { residentIdKey, sendXlsx } from './training-http';

const tags = ['training'];
const MISSING = 'Chưa chọn tệp: hãy gửi tệp Excel trong trường "file".';

/** Bình dân học vụ số from Excel: sessions with attendance, completions from the national platform, the adult population (templates, dry run, commit). */
export function trainingImportRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const idKey = residentIdKey(deps.config);
  const base = '/api/communes/:communeId/training';
  const fileOf = (req: Parameters<typeof readUpload>[0]) => readUpload(req, { maxBytes: deps.config.MAX_UPLOAD_BYTES, missing: MISSING });
  const common = { workers: deps.workers, zip: zipLimits(deps.config) };

  /** The blank template of a kind, with the villages (and teams) the user records for and the modules. */
  const template = (kind: ImportKind, permission: 'training.record' | 'training.manage', filename: string, summary: string) =>
    app.get(`${base}/${kind}/template`, { config: { access: permission }, schema: { tags, summary, params: communeParams } }, async (req, reply) => {
      const { communeId } = req.params;
      const lists = await inTraining({ db, actor: actorOf(req), communeId, permission }, async (tx, { reach, teams }) => ({
        villages: (await villagesOf(tx, communeId)).filter((v) => permission === 'training.manage' || reachesVillage(reach, v.id)).map((v) => v.name),
        teams: kind === 'sessions' ? teams.filter((t) => reachesTeam(reach, t.unit.id)).map((t) => t.unit.name) : undefined,
        modules: kind === 'population' ? undefined : (await modulesOf(tx, communeId)).map((m) => ({ code: m.code, name: m.name })),
      }));
      return sendXlsx(reply, filename, await buildImportTemplate(kind, lists));
    });

  template('sessions', 'training.record', 'Mẫu nhập buổi hướng dẫn.xlsx', 'Tải tệp Excel mẫu để nhập buổi hướng dẫn và điểm danh');
  template('completions', 'training.record', 'Mẫu nhập chứng nhận hoàn thành.xlsx', 'Tải tệp Excel mẫu để nhập chứng nhận từ nền tảng học tập');
  template('population', 'training.manage', 'Mẫu nhập dân số.xlsx', 'Tải tệp Excel mẫu để nhập dân số từ đủ tuổi của các thôn');

  app.post(
    `${base}/sessions/import`,
    {
      config: { access: 'training.record' },
      schema: {
        tags,
        summary: 'Nhập buổi hướng dẫn và điểm danh từ Excel (chạy thử hoặc ghi)',
        params: communeParams,
        querystring: importQuery,
        response: { 200: sessionImportResult },
      },
    },
    async (req) =>
      importSessions({
        db,
        actor: actorOf(req),
        meta: metaOf(req),
        communeId: req.params.communeId,
        file: await fileOf(req),
        dryRun: req.query.dryRun === 'true',
        ...common,
        idKey,
      }),
  );
  app.post(
    `${base}/completions/import`,
    {
      config: { access: 'training.record' },
      schema: {
        tags,
        summary: 'Nhập chứng nhận hoàn thành từ nền tảng học tập (chạy thử hoặc ghi)',
        params: communeParams,
        querystring: importQuery,
        response: { 200: completionImportResult },
      },
    },
    async (req) =>
      importCompletions({
        db,
        actor: actorOf(req),
        meta: metaOf(req),
        communeId: req.params.communeId,
        file: await fileOf(req),
        dryRun: req.query.dryRun === 'true',
        ...common,
        idKey,
      }),
  );
  app.post(
    `${base}/population/import`,
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary: 'Nhập dân số từ đủ tuổi của các thôn từ Excel (chạy thử hoặc ghi)',
        params: communeParams,
        querystring: importQuery,
        response: { 200: populationImportResult },
      },
    },
    async (req) =>
      importPopulation({
        db,
        actor: actorOf(req),
        meta: metaOf(req),
        communeId: req.params.communeId,
        file: await fileOf(req),
        dryRun: req.query.dryRun === 'true',
        ...common,
      }),
  );
}

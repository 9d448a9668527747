import { eq } from 'drizzle-orm';
import { notification, reminderSetting } from './notify.table';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { communeOf, type Ctx, type MatrixModule } from '../../testing/matrix-types';

const ids = { notification: '' };
const params = (c: Ctx) => ({ communeId: communeOf(c) });

/** The commune's current settings version (0 before the first save). */
async function settingsVersion(c: Ctx): Promise<number> {
  const [row] = await inScope(c.t.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .select({ v: reminderSetting.version })
      .from(reminderSetting)
      .where(eq(reminderSetting.communeId, communeOf(c))),
  );
  return row?.v ?? 0;
}

/** Authorization-matrix fixtures for the notify routes. */
export const notifyMatrix: MatrixModule = {
  async setup(t, w) {
    const [n] = await inScope(t.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .insert(notification)
        .values({ communeId: w.a.id, userId: w.users['a.admin']!.id, dedupeKey: 'matrix', title: 'Thông báo thử', body: 'Nội dung' })
        .returning(),
    );
    ids.notification = n!.id;
  },
  fixtures: {
    'GET /api/communes/:communeId/reminder-settings': { params },
    // The matrix server has no SMTP: only in-app can be chosen.
    'PUT /api/communes/:communeId/reminder-settings': {
      params,
      body: async (c) => ({
        offsets: [-7, -1, 1, 7],
        channels: ['in_app'],
        notifyFocalPoints: true,
        notifyAdmins: true,
        enabled: true,
        version: await settingsVersion(c),
      }),
    },
    'GET /api/communes/:communeId/outbox': { params, query: () => 'status=pending&page=1' },
    'POST /api/communes/:communeId/reminders/run': { params },
    // Own notifications only: for anyone else the same call changes nothing (and answers 200).
    'GET /api/notifications': { query: () => 'unread=true' },
    'POST /api/notifications/:id/read': { params: () => ({ id: ids.notification }) },
    'POST /api/notifications/read-all': {},
  },
};

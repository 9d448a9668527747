import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Coverage,
  Resident,
  ResidentCandidate,
  ResidentInput,
  ResidentPage,
  TrainingSession,
  TrainingSessionDetail,
  TrainingSessionInput,
  TrainingTeam,
  attendanceResult,
  completionInput,
  helpInput,
  helpSchema,
  populationInput,
  populationSchema,
  residentCheckInput,
  residentUpdateInput,
  skillModuleList,
  trainingSessionPage,
  trainingSettingsSchema,
  trainingTeamInput,
  trainingTeamList,
  certificateSchema,
  publicCertificateSchema,
  residentImportResult,
  SessionPhoto,
  SessionPhotoList,
  TrainingBreakdown,
} from '@tds/contracts';
import { api, apiGet, apiPatch, apiPost, downloadFile, isApiError, uploadWithProgress } from '../../lib/api';
import { useCurrentMe } from '../../lib/session';
import { applyMarks, type AttendanceMark } from './attendance';
import { readThrough, type Cached } from './offlineApi';

export type Population = z.infer<typeof populationSchema>;
export type PopulationInput = z.input<typeof populationInput>;
export type SessionPage = z.infer<typeof trainingSessionPage>;
export type SkillModuleList = z.infer<typeof skillModuleList>;
export type TrainingSettings = z.infer<typeof trainingSettingsSchema>;
export type TeamList = z.infer<typeof trainingTeamList>;
export type TeamInput = z.input<typeof trainingTeamInput>;
export type ResidentUpdateInput = z.input<typeof residentUpdateInput>;
export type ResidentCheckInput = z.input<typeof residentCheckInput>;
export type CompletionInput = z.input<typeof completionInput>;
export type HelpInput = z.input<typeof helpInput>;
export type Help = z.infer<typeof helpSchema>;
export type AttendanceResult = z.infer<typeof attendanceResult>;

export interface SessionListParams {
  page: number;
  pageSize: number;
  year?: number;
  villageId?: string;
  teamId?: string;
}

export interface ResidentListParams {
  page: number;
  pageSize: number;
  q?: string;
  villageId?: string;
}

const enc = encodeURIComponent;
const base = (communeId: string) => `/api/communes/${enc(communeId)}/training`;

export const trainingKeys = {
  commune: (communeId: string) => ['training', communeId] as const,
  coverage: (communeId: string, year: number) => ['training', communeId, 'coverage', year] as const,
  population: (communeId: string, year: number) => ['training', communeId, 'population', year] as const,
  modules: (communeId: string) => ['training', communeId, 'modules'] as const,
  settings: (communeId: string) => ['training', communeId, 'settings'] as const,
  teams: (communeId: string) => ['training', communeId, 'teams'] as const,
  sessions: (communeId: string, p: SessionListParams) => ['training', communeId, 'sessions', p] as const,
  session: (communeId: string, id: string) => ['training', communeId, 'session', id] as const,
  residents: (communeId: string) => ['training', communeId, 'residents'] as const,
  residentList: (communeId: string, p: ResidentListParams) => ['training', communeId, 'residents', p] as const,
};

// ---- reading -------------------------------------------------------------------------------

export function useCoverage(communeId: string, year: number) {
  return useQuery({
    queryKey: trainingKeys.coverage(communeId, year),
    queryFn: ({ signal }) => apiGet<Coverage>(`${base(communeId)}/coverage`, { year }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePopulation(communeId: string, year: number) {
  return useQuery({
    queryKey: trainingKeys.population(communeId, year),
    queryFn: ({ signal }) => apiGet<Population>(`${base(communeId)}/population`, { year }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The skill modules (national and the commune's own); rarely change. */
/** The skill modules; kept on the device too, so the attendance screen names them with no network. */
export function useSkillModules(communeId: string) {
  const userId = useCurrentMe().user.id;
  return useQuery({
    queryKey: trainingKeys.modules(communeId),
    queryFn: ({ signal }) => readThrough(`modules:${communeId}`, userId, () => apiGet<SkillModuleList>(`${base(communeId)}/modules`, undefined, signal)),
    staleTime: 5 * 60_000,
    networkMode: 'always',
  });
}

export function useTrainingSettings(communeId: string) {
  return useQuery({
    queryKey: trainingKeys.settings(communeId),
    queryFn: ({ signal }) => apiGet<TrainingSettings>(`${base(communeId)}/settings`, undefined, signal),
    staleTime: 60_000,
  });
}

export function useTeams(communeId: string) {
  return useQuery({
    queryKey: trainingKeys.teams(communeId),
    queryFn: ({ signal }) => apiGet<TeamList>(`${base(communeId)}/teams`, undefined, signal),
    staleTime: 60_000,
  });
}

export function useSessions(communeId: string, params: SessionListParams) {
  return useQuery({
    queryKey: trainingKeys.sessions(communeId, params),
    queryFn: ({ signal }) => apiGet<SessionPage>(`${base(communeId)}/sessions`, { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

/** How often an open session's attendance is read again while online (other members' marks). */
export const SESSION_REFRESH_MS = 5_000;

/**
 * One session with its attendance; the last answer is kept on the device, so the attendance screen
 * opens with no network (`cachedAt` then says when it was read).
 */
export function useSession(communeId: string, id: string) {
  const userId = useCurrentMe().user.id;
  return useQuery<Cached<TrainingSessionDetail>>({
    queryKey: trainingKeys.session(communeId, id),
    queryFn: ({ signal }) =>
      readThrough(`session:${communeId}:${id}`, userId, () => apiGet<TrainingSessionDetail>(`${base(communeId)}/sessions/${enc(id)}`, undefined, signal)),
    staleTime: 0,
    // Several members may mark the same session on their phones: what the others sent shows within seconds while online.
    refetchInterval: () => (navigator.onLine ? SESSION_REFRESH_MS : false),
    refetchIntervalInBackground: false,
    networkMode: 'always',
    retry: (failures, e) => !(isApiError(e) && e.status < 500) && failures < 2,
  });
}

/** Residents the user may see; `enabled: false` until there is something to look for. */
export function useResidents(communeId: string, params: ResidentListParams, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: trainingKeys.residentList(communeId, params),
    queryFn: ({ signal }) => apiGet<ResidentPage>(`${base(communeId)}/residents`, { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

// ---- writing -------------------------------------------------------------------------------

/** After a record changes, the figures built from it (coverage, lists) are asked again. */
const invalidateAll = (qc: ReturnType<typeof useQueryClient>, communeId: string) => qc.invalidateQueries({ queryKey: trainingKeys.commune(communeId) });

export function useSavePopulation(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PopulationInput) => api<Population>(`${base(communeId)}/population`, { method: 'PUT', body: input }),
    onSuccess: () => invalidateAll(qc, communeId),
  });
}

export function useSaveTeam(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { unitId: string; input: TeamInput }) =>
      api<TrainingTeam>(`${base(communeId)}/teams/${enc(args.unitId)}`, { method: 'PUT', body: args.input }),
    onSuccess: () => invalidateAll(qc, communeId),
  });
}

export function useCreateSession(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TrainingSessionInput) => apiPost<TrainingSession>(`${base(communeId)}/sessions`, input),
    onSuccess: () => invalidateAll(qc, communeId),
  });
}

export function useCreateResident(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ResidentInput) => apiPost<Resident>(`${base(communeId)}/residents`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: trainingKeys.residents(communeId) }),
  });
}

export function useUpdateResident(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; input: ResidentUpdateInput }) => apiPatch<Resident>(`${base(communeId)}/residents/${enc(args.id)}`, args.input),
    onSuccess: () => invalidateAll(qc, communeId),
  });
}

/** The residents a new entry may repeat (asked after a RESIDENT_DUPLICATE answer). */
export function findDuplicates(communeId: string, input: ResidentCheckInput) {
  return apiPost<{ items: ResidentCandidate[] }>(`${base(communeId)}/residents/duplicates`, input);
}

export function useMergeResident(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; intoId: string }) => apiPost<Resident>(`${base(communeId)}/residents/${enc(args.id)}/merge`, { intoId: args.intoId }),
    onSuccess: () => invalidateAll(qc, communeId),
  });
}

export function useAddCompletion(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; input: CompletionInput }) => apiPost<Resident>(`${base(communeId)}/residents/${enc(args.id)}/completions`, args.input),
    onSuccess: () => invalidateAll(qc, communeId),
  });
}

export function useLogHelp(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: HelpInput) => apiPost<Help>(`${base(communeId)}/help`, input),
    onSuccess: () => invalidateAll(qc, communeId),
  });
}

/**
 * Marks of attendance: the session's list changes on screen at once (optimistic), the server's
 * answer then replaces it; on failure the list is put back as it was.
 */
export function useMarkAttendance(communeId: string, sessionId: string) {
  const qc = useQueryClient();
  const key = trainingKeys.session(communeId, sessionId);
  const mutationKey = [...key, 'attendance'];
  return useMutation({
    mutationKey,
    // A mark lost on a weak connection is sent again: its key makes a repeat count once.
    retry: (failures, e) => isApiError(e) && e.status === 0 && failures < 3,
    mutationFn: (marks: AttendanceMark[]) =>
      api<AttendanceResult>(`${base(communeId)}/sessions/${enc(sessionId)}/attendance`, {
        method: 'PUT',
        body: { marks: marks.map((m) => ({ residentId: m.residentId, present: m.present, opKey: m.opKey })) },
      }),
    onMutate: async (marks) => {
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<TrainingSessionDetail>(key);
      if (before) qc.setQueryData<TrainingSessionDetail>(key, applyMarks(before, marks, new Date().toISOString()));
      return { before };
    },
    onError: (_e, _marks, ctx) => {
      if (ctx?.before) qc.setQueryData(key, ctx.before);
    },
    // Asked again once the last of several quick taps is answered (an earlier answer would undo the later taps on screen).
    onSettled: () => (qc.isMutating({ mutationKey }) <= 1 ? invalidateAll(qc, communeId) : undefined),
  });
}

// ---- Files: the attendance sheet, certificates, residents' Excel -----------------------------

/** The printable attendance sheet of a session (PDF, A4, with the QR of its entry link). */
export function downloadSessionSheet(communeId: string, sessionId: string) {
  return downloadFile(`${base(communeId)}/sessions/${enc(sessionId)}/sheet.pdf`, 'diem-danh.pdf');
}

export type Certificate = z.infer<typeof certificateSchema>;
/** Issue (or give again) a resident's certificate, then download its PDF. */
export function useIssueCertificate(communeId: string) {
  return useMutation({
    mutationFn: async (residentId: string) => {
      const cert = await apiPost<Certificate>(`${base(communeId)}/residents/${enc(residentId)}/certificates`);
      await downloadFile(`${base(communeId)}/certificates/${enc(cert.code)}/certificate.pdf`, `chung-nhan-${cert.code}.pdf`);
      return cert;
    },
  });
}

export function downloadResidentsExport(communeId: string) {
  return downloadFile(`${base(communeId)}/residents/export.xlsx`, 'nguoi-dan.xlsx');
}
export function downloadResidentsTemplate(communeId: string) {
  return downloadFile(`${base(communeId)}/residents/import-template.xlsx`, 'mau-nhap-nguoi-dan.xlsx');
}
export type ResidentImportResult = z.infer<typeof residentImportResult>;
/** Residents from Excel: a dry run first (every row's problems), then the commit (all rows or none). */
export function useImportResidents(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { file: Blob; dryRun: boolean; onProgress?: (share: number) => void }) =>
      uploadWithProgress<ResidentImportResult>(`${base(communeId)}/residents/import?dryRun=${args.dryRun ? 'true' : 'false'}`, args.file, args.onProgress),
    onSuccess: (r) => {
      if (!r.dryRun) void qc.invalidateQueries({ queryKey: trainingKeys.commune(communeId) });
    },
  });
}

/** The public check of a certificate's code (no sign-in). */
export function usePublicCertificate(code: string) {
  return useQuery({
    queryKey: ['public-certificate', code],
    queryFn: ({ signal }) => apiGet<z.infer<typeof publicCertificateSchema>>(`/api/public/certificates/${enc(code)}`, undefined, signal),
    retry: false,
  });
}

// ---- Session photos, the completions breakdown, Excel exports of the lists (training records) ----

export function sessionPhotosKey(communeId: string, sessionId: string) {
  return [...trainingKeys.session(communeId, sessionId), 'photos'] as const;
}

/** A session's photos (for those who see its attendance). */
export function useSessionPhotos(communeId: string, sessionId: string) {
  return useQuery({
    queryKey: sessionPhotosKey(communeId, sessionId),
    queryFn: ({ signal }) => apiGet<SessionPhotoList>(`${base(communeId)}/sessions/${enc(sessionId)}/photos`, undefined, signal),
  });
}

/** The address of a photo's bytes (an <img> sends the session cookie: same origin). */
export const sessionPhotoUrl = (communeId: string, sessionId: string, photoId: string) =>
  `${base(communeId)}/sessions/${enc(sessionId)}/photos/${enc(photoId)}/image`;

/** Send one photo (already shrunk by the browser), telling how much has gone. */
export function useUploadSessionPhoto(communeId: string, sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { file: Blob; caption?: string; onProgress?: (share: number) => void }) =>
      uploadWithProgress<SessionPhoto>(
        `${base(communeId)}/sessions/${enc(sessionId)}/photos${args.caption ? `?caption=${enc(args.caption)}` : ''}`,
        args.file,
        args.onProgress,
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: sessionPhotosKey(communeId, sessionId) }),
  });
}

export function useDeleteSessionPhoto(communeId: string, sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (photoId: string) => api<void>(`${base(communeId)}/sessions/${enc(sessionId)}/photos/${enc(photoId)}`, { method: 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: sessionPhotosKey(communeId, sessionId) }),
  });
}

/** Completions of each module by learner group, age band and gender (of one village if chosen). */
export function useCoverageBreakdown(communeId: string, year: number, villageId?: string) {
  return useQuery({
    queryKey: [...trainingKeys.coverage(communeId, year), 'breakdown', villageId ?? null] as const,
    queryFn: ({ signal }) => apiGet<TrainingBreakdown>(`${base(communeId)}/coverage/breakdown`, { year, villageId }, signal),
    placeholderData: keepPreviousData,
  });
}

export function downloadSessionsExport(communeId: string, filters: { year?: number; villageId?: string; teamId?: string }) {
  return downloadFile(`${base(communeId)}/sessions/export.xlsx`, 'buoi-huong-dan.xlsx', { ...filters });
}
export function downloadHelpExport(communeId: string, year?: number) {
  return downloadFile(`${base(communeId)}/help/export.xlsx`, 'ho-tro-nguoi-dan.xlsx', { year });
}
export function downloadTeamsExport(communeId: string) {
  return downloadFile(`${base(communeId)}/teams/export.xlsx`, 'to-cong-nghe-so.xlsx');
}
export function downloadVillageCoverageExport(communeId: string, year: number) {
  return downloadFile(`${base(communeId)}/coverage/villages.xlsx`, `do-bao-phu-${year}.xlsx`, { year });
}
export function downloadBreakdownExport(communeId: string, year: number, villageId?: string) {
  return downloadFile(`${base(communeId)}/coverage/breakdown.xlsx`, `hoan-thanh-hoc-phan-${year}.xlsx`, { year, villageId });
}

// ---- Excel imports: sessions with attendance, completions from the national platform, population ----

/** What can be imported from Excel besides residents. */
export type TrainingImportKind = 'sessions' | 'completions' | 'population';
export type SessionImportResult = import('@tds/contracts').SessionImportResult;
export type CompletionImportResult = import('@tds/contracts').CompletionImportResult;
export type PopulationImportResult = import('@tds/contracts').PopulationImportResult;
export interface TrainingImportResults {
  sessions: SessionImportResult;
  completions: CompletionImportResult;
  population: PopulationImportResult;
}
const templateNames: Record<TrainingImportKind, string> = {
  sessions: 'mau-nhap-buoi-hoc.xlsx',
  completions: 'mau-nhap-chung-nhan.xlsx',
  population: 'mau-nhap-dan-so.xlsx',
};
export function downloadTrainingTemplate(communeId: string, kind: TrainingImportKind) {
  return downloadFile(`${base(communeId)}/${kind}/template`, templateNames[kind]);
}
/** An import of the kind: a dry run first (every row's problems), then the commit (all rows or none); a commit refreshes the figures. */
export function useTrainingImport<K extends TrainingImportKind>(communeId: string, kind: K) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { file: Blob; dryRun: boolean; onProgress?: (share: number) => void }) =>
      uploadWithProgress<TrainingImportResults[K]>(`${base(communeId)}/${kind}/import?dryRun=${args.dryRun ? 'true' : 'false'}`, args.file, args.onProgress),
    onSuccess: (r) => {
      if (!r.dryRun) void qc.invalidateQueries({ queryKey: trainingKeys.commune(communeId) });
    },
  });
}

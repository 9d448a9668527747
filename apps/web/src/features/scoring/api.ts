import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AssessmentDto,
  CouncilScoreDto,
  IndicatorList,
  PlanDetail,
  RankingDto,
  ResultDto,
  RubricDto,
  RubricInput,
  ScoringFileDto,
  assessmentItemInput,
  planPage,
  rubricPage,
  scoringProgressSchema,
  scoringTemplateList,
  unitTree,
} from '@tds/contracts';
import { api, apiGet, apiPost, downloadFile, uploadFile } from '../../lib/api';

export type RubricPage = z.infer<typeof rubricPage>;
export type ScoringProgress = z.infer<typeof scoringProgressSchema>;
export type TemplateList = z.infer<typeof scoringTemplateList>;
export type AssessmentItem = z.input<typeof assessmentItemInput>;
export type { AssessmentDto, CouncilScoreDto, RankingDto, ResultDto, RubricDto, RubricInput, ScoringFileDto };

const enc = encodeURIComponent;
const base = (communeId: string) => `/api/communes/${enc(communeId)}/scoring`;
const rubricPath = (communeId: string, id: string) => `${base(communeId)}/rubrics/${enc(id)}`;
const keys = {
  all: (communeId: string) => ['scoring', communeId] as const,
  rubric: (communeId: string, id: string) => ['scoring', communeId, 'rubric', id] as const,
};

export function useRubrics(communeId: string, q: { page: number; pageSize: number; year?: number }) {
  return useQuery({
    queryKey: [...keys.all(communeId), 'list', q],
    queryFn: ({ signal }) => apiGet<RubricPage>(`${base(communeId)}/rubrics`, q, signal),
    placeholderData: keepPreviousData,
  });
}
export function useRubric(communeId: string, id: string | undefined) {
  return useQuery({
    queryKey: keys.rubric(communeId, id ?? ''),
    queryFn: ({ signal }) => apiGet<RubricDto>(rubricPath(communeId, id!), undefined, signal),
    enabled: !!id,
  });
}
export function useProgress(communeId: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.rubric(communeId, id), 'progress'],
    queryFn: ({ signal }) => apiGet<ScoringProgress>(`${rubricPath(communeId, id)}/progress`, undefined, signal),
    enabled,
  });
}
export function useRanking(communeId: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.rubric(communeId, id), 'ranking'],
    queryFn: ({ signal }) => apiGet<RankingDto>(`${rubricPath(communeId, id)}/ranking`, undefined, signal),
    enabled,
  });
}
export function useResult(communeId: string, id: string, unitId: string) {
  return useQuery({
    queryKey: [...keys.rubric(communeId, id), 'result', unitId],
    queryFn: ({ signal }) => apiGet<ResultDto>(`${rubricPath(communeId, id)}/results/${enc(unitId)}`, undefined, signal),
  });
}
export function useAssessment(communeId: string, id: string, unitId: string) {
  return useQuery({
    queryKey: [...keys.rubric(communeId, id), 'assessment', unitId],
    queryFn: ({ signal }) => apiGet<AssessmentDto>(`${rubricPath(communeId, id)}/assessments/${enc(unitId)}`, undefined, signal),
  });
}
export function useCouncilScore(communeId: string, id: string, unitId: string) {
  return useQuery({
    queryKey: [...keys.rubric(communeId, id), 'score', unitId],
    queryFn: ({ signal }) => apiGet<CouncilScoreDto>(`${rubricPath(communeId, id)}/scores/${enc(unitId)}`, undefined, signal),
  });
}
export function useTemplates(communeId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.all(communeId), 'templates'],
    queryFn: ({ signal }) => apiGet<TemplateList>(`${base(communeId)}/templates`, undefined, signal),
    enabled,
  });
}

/** What the rubric form chooses from: the commune's plans, units and indicators. */
export function usePlans(communeId: string) {
  return useQuery({
    queryKey: ['scoring-plans', communeId],
    queryFn: ({ signal }) => apiGet<z.infer<typeof planPage>>(`/api/communes/${enc(communeId)}/plans`, { page: 1, pageSize: 100 }, signal),
  });
}
export function usePlan(communeId: string, planId: string | null) {
  return useQuery({
    queryKey: ['scoring-plan', communeId, planId],
    queryFn: ({ signal }) => apiGet<PlanDetail>(`/api/communes/${enc(communeId)}/plans/${enc(planId!)}`, undefined, signal),
    enabled: !!planId,
  });
}
export function useUnits(communeId: string) {
  return useQuery({
    queryKey: ['scoring-units', communeId],
    queryFn: ({ signal }) => apiGet<z.infer<typeof unitTree>>(`/api/communes/${enc(communeId)}/units/tree`, undefined, signal),
  });
}
export function useIndicators(communeId: string) {
  return useQuery({
    queryKey: ['scoring-indicators', communeId],
    queryFn: ({ signal }) => apiGet<IndicatorList>(`/api/communes/${enc(communeId)}/indicators`, undefined, signal),
  });
}
export const draftFromPlan = (communeId: string, planId: string, group: number, year: number) =>
  apiGet<RubricInput>(`${base(communeId)}/rubric-draft`, { planId, group, year });

export function useSaveRubric(communeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { id?: string; input: RubricInput & { version?: number } }) =>
      args.id
        ? api<RubricDto>(rubricPath(communeId, args.id), { method: 'PUT', body: args.input })
        : apiPost<RubricDto>(`${base(communeId)}/rubrics`, args.input),
    onSuccess: (r) => {
      qc.setQueryData(keys.rubric(communeId, r.id), r);
      void qc.invalidateQueries({ queryKey: keys.all(communeId) });
    },
  });
}
export function useStepRubric(communeId: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (args: { transition: 'open' | 'close' | 'publish'; version: number }) =>
      apiPost<RubricDto>(`${rubricPath(communeId, id)}/${args.transition}`, { version: args.version }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all(communeId) }),
  });
}
export function useStepAssessment(communeId: string, id: string, unitId: string) {
  const qc = useQueryClient();
  const path = `${rubricPath(communeId, id)}/assessments/${enc(unitId)}`;
  return useMutation({
    mutationFn: (args: { transition: 'save' | 'submit' | 'return'; version: number; items?: Record<string, AssessmentItem>; comment?: string }) =>
      args.transition === 'save'
        ? api<AssessmentDto>(path, { method: 'PUT', body: { version: args.version, items: args.items ?? {} } })
        : apiPost<AssessmentDto>(`${path}/${args.transition}`, { version: args.version, comment: args.comment ?? null }),
    onSuccess: (a) => {
      qc.setQueryData([...keys.rubric(communeId, id), 'assessment', unitId], a);
      void qc.invalidateQueries({ queryKey: [...keys.rubric(communeId, id), 'progress'] });
    },
  });
}
export function useStepScore(communeId: string, id: string, unitId: string) {
  const qc = useQueryClient();
  const path = `${rubricPath(communeId, id)}/scores/${enc(unitId)}`;
  return useMutation({
    mutationFn: (args: {
      transition: 'save' | 'submit' | 'recuse';
      version: number;
      items?: Record<string, { value?: number | null; points?: number | null }>;
      reason?: string;
    }) =>
      args.transition === 'save'
        ? api<CouncilScoreDto>(path, { method: 'PUT', body: { version: args.version, items: args.items ?? {} } })
        : args.transition === 'submit'
          ? apiPost<CouncilScoreDto>(`${path}/submit`, { version: args.version })
          : apiPost<CouncilScoreDto>(`${path}/recuse`, { reason: args.reason }),
    onSuccess: (s) => {
      qc.setQueryData([...keys.rubric(communeId, id), 'score', unitId], s);
      void qc.invalidateQueries({ queryKey: [...keys.rubric(communeId, id), 'progress'] });
    },
  });
}
export const downloadScoresheet = (communeId: string, id: string, format: 'xlsx' | 'docx') =>
  downloadFile(`${rubricPath(communeId, id)}/scoresheet.${format}`, `Bang-diem.${format}`);

/** A unit's evidence files of a rubric: uploaded (multipart, with the session's CSRF token), downloaded, removed. */
const filesPath = (communeId: string, id: string, unitId: string) => `${rubricPath(communeId, id)}/assessments/${enc(unitId)}/files`;
export const uploadEvidenceFile = (communeId: string, id: string, unitId: string, file: Blob) =>
  uploadFile<ScoringFileDto>(filesPath(communeId, id, unitId), file);
export const deleteEvidenceFile = (communeId: string, id: string, unitId: string, fileId: string) =>
  api<void>(`${filesPath(communeId, id, unitId)}/${enc(fileId)}`, { method: 'DELETE' });
export const downloadEvidenceFile = (communeId: string, id: string, unitId: string, fileId: string, name: string) =>
  downloadFile(`${filesPath(communeId, id, unitId)}/${enc(fileId)}`, name);

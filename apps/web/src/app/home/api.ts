import { useQuery } from '@tanstack/react-query';
import type { TodoList } from '@tds/contracts';
import { apiGet } from '../../lib/api';

/** Items shown per group on the home page (the counts are complete; "Xem tất cả" opens the full list). */
export const TODO_PER_GROUP = 5;

export const homeKeys = {
  todo: (communeId: string | null) => ['home', 'todo', communeId ?? 'all'] as const,
};

/** "Việc của tôi": every commune's work, or one commune's (the one chosen in the header). Fresh each time the page opens. */
export function useMyTodo(communeId: string | null) {
  return useQuery({
    queryKey: homeKeys.todo(communeId),
    queryFn: ({ signal }) => apiGet<TodoList>('/api/me/todo', { communeId: communeId ?? undefined, limit: TODO_PER_GROUP }, signal),
    refetchOnMount: 'always',
  });
}

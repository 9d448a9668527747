import type { Tx } from '../db/client';
import type { DerivedValueProvider, DueItemUse, ModuleManifest, TodoSource, WorkflowNotifier } from './module';

/**
 * The extension points modules fill in through their manifests (derived-value providers, users of
 * due items, "Việc của tôi" sources), collected once from the list in `modules/index.ts`, which
 * installs itself when it loads. A module asks here instead of importing the modules that extend it.
 */
let installed: readonly ModuleManifest[] | null = null;

/** Called by `modules/index.ts` with the one list of modules. */
export function installModules(list: readonly ModuleManifest[]): void {
  installed = list;
}

function list(): readonly ModuleManifest[] {
  if (!installed) throw new Error('The module list is not loaded: import modules/index.ts first (app.ts and the CLI do).');
  return installed;
}

/** Every registered derived-value provider (the indicators module computes with them). */
export function derivedValueProviders(): DerivedValueProvider[] {
  return list().flatMap((m) => m.providers ?? []);
}

/** Every user of due items (a published plan keeps the due items someone answered). */
export function dueItemUses(): DueItemUse[] {
  return list().flatMap((m) => m.dueItemUses ?? []);
}

/** Every "Việc của tôi" source. */
export function todoSources(): TodoSource[] {
  return list().flatMap((m) => m.todo ?? []);
}

/** Every notifier of workflow transitions (the runner calls them in the transition's transaction). */
export function workflowNotifiers(): WorkflowNotifier[] {
  return list().flatMap((m) => m.notifiers ?? []);
}

/** Tell every module that a plan was published, in the publishing transaction (each hook is idempotent). */
export async function runPlanPublished(tx: Tx, event: { communeId: string; planId: string; now: Date }): Promise<void> {
  for (const m of list()) if (m.onPlanPublished) await m.onPlanPublished(tx, event);
}

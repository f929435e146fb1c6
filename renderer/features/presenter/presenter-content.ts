// Screens that want a dedicated projector view register it here; PresenterView looks it up.
// Kept apart from the components so a feature can register without importing PresenterView
// (which imports the features' screens: that would be a cycle).
import { createElement, type ComponentType, type ReactElement } from 'react';
import type { WorkshopTab } from '../../app/router';
import type { Workshop } from '../../domain/model';

export type PresenterContentProps = { workshop: Workshop };

const registry = new Map<WorkshopTab, ComponentType<PresenterContentProps>>();

/**
 * Replaces what presenter mode shows for a tab. Call it once at module level in the feature, e.g.
 * in ScoringView.tsx: `registerPresenterContent('scoring', ScoringPresenter);`
 */
export function registerPresenterContent(tab: WorkshopTab, component: ComponentType<PresenterContentProps>): void {
  registry.set(tab, component);
}

export function hasPresenterContent(tab: WorkshopTab): boolean {
  return registry.has(tab);
}

/** The registered view for a tab, as an element; null when the tab registered none. */
export function renderPresenterContent(tab: WorkshopTab, props: PresenterContentProps): ReactElement | null {
  const component = registry.get(tab);
  return component ? createElement(component, props) : null;
}

import type { Project } from '../../project';

/** The Apex classes and triggers of a project: the Apex checks skip a project that has none. */
export function apexFiles(project: Project): string[] {
    return project.files.filter((file) => /\.(cls|trigger)$/.test(file));
}

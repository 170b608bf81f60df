import { runMain } from '../../shared/command';
import { ScenarioError } from '../errors';
import { formatTour, runTour, tourHeld, tourJson } from '../drivers/sync';
import { startCommand } from './commands';
import { loadProject } from './project';

runMain(
    startCommand,
    async ({ values }) => {
        const project = loadProject(process.cwd(), { setup: true });
        const tour = await runTour({ project });
        if (values.json) {
            console.log(JSON.stringify(tourJson(tour), null, 2));
        } else {
            console.log(formatTour(tour));
            console.log(
                '\nAs JSON: npm run -s start -- --json. Larger teams: npm run bench:sync -- --members 1000'
            );
        }
        return tourHeld(tour) ? 0 : 1;
    },
    { exitCodeOf: (error) => (error instanceof ScenarioError ? 2 : undefined) }
);

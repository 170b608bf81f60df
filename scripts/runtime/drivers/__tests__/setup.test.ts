import { REPOSITORY_ROOT } from '../../../shared/testProject';
import { loadProject, openApexOrg, type OrgState } from '../../cli/project';
import { PACKAGE_INSTALL_USER } from '../setup';
import { ClassProjects } from './apexHelpers';

/**
 * The org states an Apex run starts from. Installed, the project's InstallHandler has run as the
 * package's own user, not as the administrator who installed it (RG "InstallHandler Interface"),
 * so that a job it schedules runs as a user who holds no permission set, as in a subscriber's org.
 */

const projects = new ClassProjects('org-setup');
afterAll(() => {
    projects.removeAll();
});

/** An org of a project with one InstallHandler, which records who runs it and who installs. */
function openWithHandler(state: OrgState) {
    const root = projects.create({
        Installer: [
            'global without sharing class Installer implements InstallHandler {',
            '    global void onInstall(InstallContext context) {',
            "        System.schedule('Installed job', '0 0 * * * ?', new Job());",
            '    }',
            '    public class Job implements Schedulable {',
            '        public void execute(SchedulableContext context) {}',
            '    }',
            '}'
        ].join('\n')
    });
    return openApexOrg(loadProject(root, { setup: true }), {
        state,
        flows: [],
        log: () => undefined
    });
}

describe('the org an Apex run starts from', () => {
    it('runs the InstallHandler as the package user, whose scheduled job runs as that user', () => {
        const { org, setup } = openWithHandler('installed');
        const users = org.records.all('User');
        const packageUser = users.find(
            (user) => user['Username'] === PACKAGE_INSTALL_USER['Username']
        );
        const [job] = org.records.all('CronTrigger');

        expect(users).toHaveLength(2);
        expect(packageUser).toBeDefined();
        expect(packageUser?.['Id']).not.toBe(setup.adminId);
        expect(job?.['OwnerId']).toBe(packageUser?.['Id']);
    });

    it('creates no package user and runs no handler in a fresh org', () => {
        const { org } = openWithHandler('fresh');

        expect(org.records.all('User')).toHaveLength(1);
        expect(org.records.all('CronTrigger')).toEqual([]);
    });

    it('holds no hourly job after the package is installed: an admin switches it on', () => {
        const { org } = openApexOrg(loadProject(REPOSITORY_ROOT, { setup: true }), {
            state: 'installed',
            flows: [],
            log: () => undefined
        });

        expect(org.records.all('CronTrigger')).toEqual([]);
        expect(org.records.all('CalendlySyncRun__c')).toEqual([]);
    });
});

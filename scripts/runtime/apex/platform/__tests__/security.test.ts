import { languageOnly } from '../../compiler/extensions';
import { registerCorePlatform } from '..';
import { normalizeId } from '../../../org';
import type { FieldValues } from '../../../types';
import { ApexVm } from '../../vm';
import {
    securityClasses,
    type LabelValue,
    type PermissionService,
    type UserService
} from '../security';

/** A VM with the core platform and the security classes, as the Apex org registers them. */
function run(
    program: string,
    services: {
        permissions?: PermissionService;
        labels?: readonly LabelValue[];
        user?: FieldValues;
        organization?: FieldValues;
    } = {}
): string[] {
    const lines: string[] = [];
    const users: UserService = {
        user: () => services.user,
        organization: () => services.organization
    };
    const vm = new ApexVm({
        sources: [],
        log: (line) => lines.push(line.replace(/^USER_DEBUG\|\[\d+\]\|DEBUG\|/, '')),
        sobjects: { objectName: () => undefined, field: () => undefined },
        platform: (registry) => {
            registerCorePlatform(registry);
            registry.add(
                ...securityClasses(
                    services.permissions ?? {
                        checkPermission: () => false,
                        isDefined: () => false
                    },
                    services.labels ?? [],
                    users
                )
            );
        },
        extensions: languageOnly
    });
    vm.runAnonymous(program, 'test.apex');
    return lines;
}

const USER_ID = normalizeId('005000000000001') ?? '';

const USER: FieldValues = {
    Id: USER_ID,
    Name: 'Ada Lovelace',
    FirstName: 'Ada',
    LastName: 'Lovelace',
    Username: 'ada@example.com.test',
    Email: 'ada@example.com',
    ProfileId: '00e000000000001AAA',
    UserType: 'Standard',
    LanguageLocaleKey: 'en_US',
    LocaleSidKey: 'en_GB'
};

describe('custom labels', () => {
    const labels = [{ name: 'Calendly_Greeting', value: 'Hello' }];

    it('reads a label as System.Label.X and Label.X, in any case', () => {
        expect(
            run(
                `System.debug(System.Label.Calendly_Greeting);
System.debug(Label.calendly_greeting + '!');`,
                { labels }
            )
        ).toEqual(['Hello', 'Hello!']);
    });

    it('refuses a name that is no label where it is written', () => {
        expect(() => run('System.debug(Label.No_Such_Label);', { labels })).toThrow(
            'test.apex:1: Label.No_Such_Label is not supported by the embedded org'
        );
    });
});

describe('FeatureManagement.checkPermission', () => {
    const permissions: PermissionService = {
        checkPermission: (name) => name === 'Run_Sync',
        isDefined: (name) => ['Run_Sync', 'Other'].includes(name)
    };

    it("answers for the running user's custom permissions", () => {
        expect(
            run(
                `System.debug(FeatureManagement.checkPermission('Run_Sync'));
System.debug(System.FeatureManagement.checkPermission('Other'));`,
                { permissions }
            )
        ).toEqual(['true', 'false']);
    });

    it('refuses a custom permission the project does not define', () => {
        expect(() => run("FeatureManagement.checkPermission('Missing');", { permissions })).toThrow(
            "test.apex:1: FeatureManagement.checkPermission of 'Missing', a custom permission the project does not define is not supported by the embedded org"
        );
    });
});

describe('UserInfo', () => {
    it("reads the running user's and the org's fields", () => {
        expect(
            run(
                `System.debug(UserInfo.getUserId());
System.debug(UserInfo.getName() + ' ' + UserInfo.getFirstName() + ' ' + UserInfo.getLastName());
System.debug(UserInfo.getUserName() + ' ' + UserInfo.getUserEmail());
System.debug(UserInfo.getProfileId() + ' ' + UserInfo.getUserType());
System.debug(UserInfo.getLanguage() + ' ' + UserInfo.getLocale());
System.debug(UserInfo.getOrganizationId() + ' ' + UserInfo.getOrganizationName());
Id me = UserInfo.getUserId();
System.debug(me.to15());`,
                {
                    user: USER,
                    organization: { Id: '00D000000000001AAA', Name: 'Embedded Org' }
                }
            )
        ).toEqual([
            USER_ID,
            'Ada Lovelace Ada Lovelace',
            'ada@example.com.test ada@example.com',
            '00e000000000001AAA Standard',
            'en_US en_GB',
            '00D000000000001AAA Embedded Org',
            '005000000000001'
        ]);
    });

    it('refuses what the org does not hold: the time zone, a missing field, no user', () => {
        expect(() => run('UserInfo.getTimeZone();', { user: USER })).toThrow(
            'test.apex:1: UserInfo.getTimeZone() (the embedded org has no System.TimeZone) is not supported by the embedded org'
        );
        expect(() => run('UserInfo.getUserType();', { user: { Id: USER['Id'] ?? null } })).toThrow(
            'UserInfo.getUserType() for a user whose UserType the embedded org does not hold'
        );
        expect(() => run('UserInfo.getUserId();')).toThrow(
            'UserInfo.getUserId() without a running user'
        );
    });
});

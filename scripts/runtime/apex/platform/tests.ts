import {
    DatetimeValue,
    IdValue,
    ObjectValue,
    PlatformValue,
    TypeValue,
    type Value
} from '../model';
import type { CallSite, PlatformClass } from '../services';
import { T } from '../types';
import { method, required } from './define';

/**
 * The Test class (RG "Test Class"; DG "Using Limits, startTest, and stopTest", "Testing HTTP
 * Callouts"): what a test method asks of the org that runs it. Outside a test, the methods
 * that only tests may call throw as the platform does.
 */
export interface TestService {
    running(): boolean;
    startTest(site: CallSite): void;
    stopTest(site: CallSite): void;
    /** Test.setMock(HttpCalloutMock.class, mock). */
    setMock(type: TypeValue, mock: ObjectValue, site: CallSite): void;
    /** Runs an InstallHandler as an install would; previousVersion null for a first install. */
    testInstall(
        handler: ObjectValue,
        previousVersion: PlatformValue | null,
        isPush: boolean,
        site: CallSite
    ): void;
    setCreatedDate(id: string, createdDate: DatetimeValue, site: CallSite): void;
}

export function testClasses(tests: TestService): PlatformClass[] {
    const inTest = (site: CallSite, name: string): void => {
        if (!tests.running()) {
            // [verify in an org: the exception a Test method called outside a test throws]
            site.vm.raise(
                'UnexpectedException',
                `Test.${name}() can only be called from a test method`
            );
        }
    };
    return [
        {
            name: 'System.Test',
            names: ['test', 'system.test'],
            staticMethods: [
                method('isRunningTest', [], T.boolean, () => tests.running()),
                method('startTest', [], T.void, (_self, _args, site) => {
                    inTest(site, 'startTest');
                    tests.startTest(site);
                    return null;
                }),
                method('stopTest', [], T.void, (_self, _args, site) => {
                    inTest(site, 'stopTest');
                    tests.stopTest(site);
                    return null;
                }),
                method(
                    'setMock',
                    ['any', 'any'],
                    T.void,
                    (_self, [type = null, mock = null], site) => {
                        inTest(site, 'setMock');
                        if (!(type instanceof TypeValue) || !(mock instanceof ObjectValue)) {
                            return site.vm.raise(
                                'TypeException',
                                'Test.setMock needs a type and a mock object'
                            );
                        }
                        tests.setMock(type, mock, site);
                        return null;
                    }
                ),
                method(
                    'testInstall',
                    ['any', T.platform('System.Version')],
                    T.void,
                    (_self, [handler = null, version = null], site) => {
                        inTest(site, 'testInstall');
                        tests.testInstall(
                            required(handler, site) as ObjectValue,
                            version as PlatformValue | null,
                            false,
                            site
                        );
                        return null;
                    }
                ),
                method(
                    'testInstall',
                    ['any', T.platform('System.Version'), T.boolean],
                    T.void,
                    (_self, [handler = null, version = null, isPush = null], site) => {
                        inTest(site, 'testInstall');
                        tests.testInstall(
                            required(handler, site) as ObjectValue,
                            version as PlatformValue | null,
                            isPush === true,
                            site
                        );
                        return null;
                    }
                ),
                method(
                    'setCreatedDate',
                    [T.id, T.datetime],
                    T.void,
                    (_self, [id = null, date = null], site) => {
                        inTest(site, 'setCreatedDate');
                        tests.setCreatedDate(
                            (required(id, site) as IdValue).value,
                            required(date, site) as DatetimeValue,
                            site
                        );
                        return null;
                    }
                )
            ]
        }
    ];
}

/** System.Version (RG "Version Class"): a package version, major.minor[.patch]. */
export const VERSION = 'System.Version';

interface VersionState {
    readonly major: number;
    readonly minor: number;
    readonly patch: number | null;
}

const versionOf = (value: Value): VersionState =>
    (value as PlatformValue).state as unknown as VersionState;

const newVersion = (state: VersionState): PlatformValue =>
    new PlatformValue(VERSION, state as unknown as Record<string, unknown>);

export const versionClass: PlatformClass = {
    name: VERSION,
    names: ['version', 'system.version'],
    constructors: [
        method(
            'Version',
            [T.integer, T.integer],
            T.platform(VERSION),
            (_self, [major = null, minor = null], site) =>
                newVersion({
                    major: required(major, site) as number,
                    minor: required(minor, site) as number,
                    patch: null
                })
        ),
        method(
            'Version',
            [T.integer, T.integer, T.integer],
            T.platform(VERSION),
            (_self, [major = null, minor = null, patch = null], site) =>
                newVersion({
                    major: required(major, site) as number,
                    minor: required(minor, site) as number,
                    patch: required(patch, site) as number
                })
        )
    ],
    instanceMethods: [
        method('major', [], T.integer, (self) => versionOf(self).major),
        method('minor', [], T.integer, (self) => versionOf(self).minor),
        method('patch', [], T.integer, (self) => versionOf(self).patch),
        method('compareTo', [T.platform(VERSION)], T.integer, (self, [other = null], site) => {
            const a = versionOf(self);
            const b = versionOf(required(other, site));
            return Math.sign(
                a.major - b.major || a.minor - b.minor || (a.patch ?? 0) - (b.patch ?? 0)
            );
        })
    ]
};

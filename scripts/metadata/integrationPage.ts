import * as path from 'node:path';
import { packagedDirectory, readProjectConfig } from '../project';
import { PACKAGE_DIR } from './names';
import { metadataFile, type MetadataFile } from './types';

/** The Lightning web component admins use to connect, sync and follow the result. */
export const INTEGRATION_COMPONENT = 'calendlyIntegration';

/** The Lightning app page that holds the component, and the tab that opens it. */
export const INTEGRATION_PAGE = 'Calendly_Integration';

/** The app page with the integration component, and its tab. */
export function integrationPageAndTab(): MetadataFile[] {
    return [
        metadataFile(
            `${PACKAGE_DIR}/flexipages/${INTEGRATION_PAGE}.flexipage-meta.xml`,
            'FlexiPage',
            {
                description:
                    'Where admins connect Calendly, start a sync, follow its progress and see mapping problems.',
                flexiPageRegions: [
                    {
                        itemInstances: [
                            {
                                componentInstance: {
                                    componentName: INTEGRATION_COMPONENT,
                                    identifier: INTEGRATION_COMPONENT
                                }
                            }
                        ],
                        name: 'main',
                        type: 'Region'
                    }
                ],
                masterLabel: 'Calendly Integration',
                template: { name: 'flexipage:defaultAppHomeTemplate' },
                type: 'AppPage'
            }
        ),
        metadataFile(`${PACKAGE_DIR}/tabs/${INTEGRATION_PAGE}.tab-meta.xml`, 'CustomTab', {
            description:
                'Opens the Calendly integration page: connection, sync and mapping report.',
            flexiPage: INTEGRATION_PAGE,
            label: 'Calendly Integration',
            motif: 'Custom67: Gears'
        })
    ];
}

/** The page's stamp of the package version: a module of the component, written by generate. */
export const VERSION_MODULE = `${PACKAGE_DIR}/lwc/${INTEGRATION_COMPONENT}/packageVersion.js`;

/**
 * What the integrations page says about the package it ships in, all from sfdx-project.json's
 * packaged directory, where `sf package version create` reads them too: the version, and the
 * release notes and post-install (upgrade) instructions Salesforce shows on install.
 */
export interface PackageStamp {
    /** versionNumber without the build number (2.3.0.NEXT is 2.3.0), which Salesforce assigns. */
    readonly version: string;
    readonly releaseNotesUrl: string;
    readonly upgradeUrl: string;
}

/**
 * Reads the stamp of the project at root.
 *
 * @throws Error naming sfdx-project.json and the key, when the versionNumber is not
 *     major.minor.patch.build or an address is missing or not https
 */
export function packageStamp(root: string = path.resolve(__dirname, '..', '..')): PackageStamp {
    const packaged = packagedDirectory(readProjectConfig(root));
    const match = /^(\d+)\.(\d+)\.(\d+)\.(?:\d+|NEXT)$/.exec(packaged.versionNumber ?? '');
    if (!match) {
        throw new Error(
            `sfdx-project.json: the packaged directory's versionNumber is ${JSON.stringify(packaged.versionNumber)}; ` +
                'write it as major.minor.patch.build, such as 2.3.0.NEXT.'
        );
    }
    return {
        version: `${match[1]}.${match[2]}.${match[3]}`,
        releaseNotesUrl: httpsAddress(packaged.releaseNotesUrl, 'releaseNotesUrl'),
        upgradeUrl: httpsAddress(packaged.postInstallUrl, 'postInstallUrl')
    };
}

function httpsAddress(value: string | undefined, key: string): string {
    if (value === undefined || !/^https:\/\/\S+$/.test(value)) {
        throw new Error(
            `sfdx-project.json: the packaged directory's ${key} is ${JSON.stringify(value)}; ` +
                'set it to the https address of the published README section the integrations page links to.'
        );
    }
    return value;
}

/** A JavaScript string in single quotes, as the project's Prettier settings write it. */
function quoted(value: string): string {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The integrations page's version stamp: Apex cannot read the installed version of its own
 * package without the Tooling API, so the version is written into the component when the
 * package is generated, with the addresses of the release notes and the upgrade steps.
 */
export function packageVersionModule(stamp: PackageStamp = packageStamp()): {
    readonly path: string;
    readonly content: string;
} {
    return {
        path: VERSION_MODULE,
        content: [
            '// Written by npm run generate from sfdx-project.json: change versionNumber,',
            '// releaseNotesUrl and postInstallUrl there.',
            '',
            '/** The version of the package this page ships in. */',
            `export const PACKAGE_VERSION = ${quoted(stamp.version)};`,
            '',
            '/** The release notes, and the steps to upgrade an org to a new version. */',
            'export const RELEASE_NOTES_URL =',
            `    ${quoted(stamp.releaseNotesUrl)};`,
            'export const UPGRADE_URL =',
            `    ${quoted(stamp.upgradeUrl)};`,
            ''
        ].join('\n')
    };
}

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

/**
 * Where the package's README is published: the integrations page links to its release notes
 * and upgrade steps, which admins read when they check the version they run.
 */
export const README_URL =
    'https://github.com/calendly-links-for-salesforce/calendly-links-for-salesforce/blob/main/README.md';
/** The README's sections the page links to (their GitHub anchors). */
export const RELEASE_NOTES_ANCHOR = 'release-notes';
export const UPGRADE_ANCHOR = 'upgrade-an-org-to-a-new-version-of-this-package';

/** The page's stamp of the package version: a module of the component, written by generate. */
export const VERSION_MODULE = `${PACKAGE_DIR}/lwc/${INTEGRATION_COMPONENT}/packageVersion.js`;

/**
 * The version the package is built as, from sfdx-project.json's packaged directory: its
 * versionNumber without the build number (2.3.0.NEXT is 2.3.0), which Salesforce assigns when it
 * creates the package version.
 */
export function packageVersion(root: string = path.resolve(__dirname, '..', '..')): string {
    const versionNumber = packagedDirectory(readProjectConfig(root)).versionNumber;
    const match = /^(\d+)\.(\d+)\.(\d+)\.(?:\d+|NEXT)$/.exec(versionNumber ?? '');
    if (!match) {
        throw new Error(
            `sfdx-project.json: the packaged directory's versionNumber is ${JSON.stringify(versionNumber)}; ` +
                'write it as major.minor.patch.build, such as 2.3.0.NEXT.'
        );
    }
    return `${match[1]}.${match[2]}.${match[3]}`;
}

/** A JavaScript string in single quotes, as the project's Prettier settings write it. */
function quoted(value: string): string {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The integrations page's version stamp: Apex cannot read the installed version of its own
 * package without the Tooling API, so the version is written into the component when the
 * package is generated, with the README's release notes and upgrade steps.
 */
export function packageVersionModule(version: string = packageVersion()): {
    readonly path: string;
    readonly content: string;
} {
    return {
        path: VERSION_MODULE,
        content: [
            '// Written by npm run generate from sfdx-project.json: change the versionNumber there.',
            '',
            '/** The version of the package this page ships in. */',
            `export const PACKAGE_VERSION = ${quoted(version)};`,
            '',
            "/** The README's release notes, and its steps to upgrade an org to a new version. */",
            'export const RELEASE_NOTES_URL =',
            `    ${quoted(`${README_URL}#${RELEASE_NOTES_ANCHOR}`)};`,
            'export const UPGRADE_URL =',
            `    ${quoted(`${README_URL}#${UPGRADE_ANCHOR}`)};`,
            ''
        ].join('\n')
    };
}

// Written by npm run generate from sfdx-project.json: change versionNumber,
// releaseNotesUrl and postInstallUrl there.

/** The version of the package this page ships in. */
export const PACKAGE_VERSION = '2.3.0';

/** The release notes, and the steps to upgrade an org to a new version. */
export const RELEASE_NOTES_URL =
    'https://github.com/calendly-links-for-salesforce/calendly-links-for-salesforce/blob/main/README.md#release-notes';
export const UPGRADE_URL =
    'https://github.com/calendly-links-for-salesforce/calendly-links-for-salesforce/blob/main/README.md#upgrade-an-org-to-a-new-version-of-this-package';

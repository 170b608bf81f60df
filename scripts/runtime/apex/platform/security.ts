import type { FieldValues } from '../../types';
import { UnsupportedError } from '../errors';
import { IdValue, type Value } from '../model';
import type { CallSite, PlatformClass } from '../services';
import { T } from '../types';
import { method, required } from './define';

/**
 * What Apex asks of the running user and the project's security metadata: FeatureManagement's
 * custom permissions, custom labels (`System.Label.X`) and UserInfo.
 */

/** The running user's custom permissions, and which custom permissions the project defines. */
export interface PermissionService {
    /** Whether the running user has the custom permission enabled. */
    checkPermission(customPermissionName: string): boolean;
    /** Whether the project (or the org) defines a custom permission of this name. */
    isDefined(customPermissionName: string): boolean;
}

/** The running user's and the org's records, as UserInfo reads them. */
export interface UserService {
    /** The running user's User record; undefined when Apex runs as nobody. */
    user(): FieldValues | undefined;
    /** The org's Organization record. */
    organization(): FieldValues | undefined;
}

/** A custom label: its name (`fullName`) and its value in the running user's language. */
export interface LabelValue {
    readonly name: string;
    readonly value: string;
}

/**
 * FeatureManagement.checkPermission(apiName) (RG "FeatureManagement Class": "Checks whether a
 * custom permission is enabled"). A name the project does not define is refused: whether the
 * platform returns false or throws for it is not documented (APEX.md §12 [unconfirmed];
 * [verify in an org: FeatureManagement.checkPermission('No_Such_Permission')]). The other
 * methods of FeatureManagement (feature parameters of a managed package) are refused.
 */
export function featureManagementClass(permissions: PermissionService): PlatformClass {
    return {
        name: 'System.FeatureManagement',
        names: ['featuremanagement', 'system.featuremanagement'],
        staticMethods: [
            method('checkPermission', [T.string], T.boolean, (_self, [name = null], site) => {
                // [verify in an org: the exception for a null name]
                const wanted = required(name, site) as string;
                if (!permissions.isDefined(wanted)) {
                    throw new UnsupportedError(
                        site.place,
                        `FeatureManagement.checkPermission of '${wanted}', a custom permission the project does not define`
                    );
                }
                return permissions.checkPermission(wanted);
            })
        ]
    };
}

/**
 * Custom labels as Apex reads them: `System.Label.Name` or `Label.Name`, a String (DG "Custom
 * Labels": "use the System.Label.label_name syntax"). Each label of the project is a static
 * property; a name that is no label is not one of them, so the compiler refuses it where it is
 * written. The value is the file's, in its language: translations are not modelled.
 */
export function labelClass(labels: readonly LabelValue[]): PlatformClass {
    return {
        name: 'System.Label',
        names: ['label', 'system.label'],
        staticProperties: labels.map((label) => ({
            name: label.name,
            type: T.string,
            get: () => label.value
        }))
    };
}

/**
 * UserInfo (RG "UserInfo Class"): the running user's fields, from their User record, and the
 * org's, from the Organization record. getTimeZone() is refused: the embedded org has no
 * System.TimeZone class. The other methods (getUiTheme, getSessionId, isMultiCurrencyOrganization,
 * ...) are refused as not implemented.
 */
export function userInfoClass(users: UserService): PlatformClass {
    const user = (site: CallSite, name: string): FieldValues => {
        const record = users.user();
        if (!record) {
            throw new UnsupportedError(site.place, `UserInfo.${name}() without a running user`);
        }
        return record;
    };
    /** A field of the user's record; refused when the org does not hold it. */
    const userField = (name: string, field: string, site: CallSite): Value => {
        const record = user(site, name);
        if (!(field in record)) {
            throw new UnsupportedError(
                site.place,
                `UserInfo.${name}() for a user whose ${field} the embedded org does not hold`
            );
        }
        const value = record[field];
        return value === null || value === undefined ? null : String(value);
    };
    const idOf = (value: Value): Value =>
        typeof value === 'string' && value !== '' ? new IdValue(value) : null;
    const text = (name: string, field: string) =>
        method(name, [], T.string, (_self, _args, site) => userField(name, field, site));
    const organizationField = (name: string, field: string, site: CallSite): Value => {
        const value = users.organization()?.[field];
        if (value === undefined) {
            throw new UnsupportedError(
                site.place,
                `UserInfo.${name}() in an org without an Organization ${field}`
            );
        }
        return value === null ? null : String(value);
    };
    return {
        name: 'System.UserInfo',
        names: ['userinfo', 'system.userinfo'],
        staticMethods: [
            method('getUserId', [], T.id, (_self, _args, site) =>
                idOf(userField('getUserId', 'Id', site))
            ),
            // "The context user's full name" (User.Name, first and last name).
            text('getName', 'Name'),
            text('getUserName', 'Username'),
            text('getFirstName', 'FirstName'),
            text('getLastName', 'LastName'),
            text('getUserEmail', 'Email'),
            // "The context user's type" (User.UserType: Standard, PowerPartner, ...).
            text('getUserType', 'UserType'),
            // "The context user's language" (LanguageLocaleKey) and "locale" (LocaleSidKey).
            text('getLanguage', 'LanguageLocaleKey'),
            text('getLocale', 'LocaleSidKey'),
            method('getProfileId', [], T.id, (_self, _args, site) =>
                idOf(userField('getProfileId', 'ProfileId', site))
            ),
            method('getOrganizationId', [], T.id, (_self, _args, site) =>
                idOf(organizationField('getOrganizationId', 'Id', site))
            ),
            method('getOrganizationName', [], T.string, (_self, _args, site) =>
                organizationField('getOrganizationName', 'Name', site)
            ),
            method('getTimeZone', [], T.platform('System.TimeZone'), (_self, _args, site) => {
                throw new UnsupportedError(
                    site.place,
                    'UserInfo.getTimeZone() (the embedded org has no System.TimeZone)'
                );
            })
        ]
    };
}

/** The platform classes of the running user and the project's security metadata. */
export function securityClasses(
    permissions: PermissionService,
    labels: readonly LabelValue[],
    users: UserService
): PlatformClass[] {
    return [featureManagementClass(permissions), labelClass(labels), userInfoClass(users)];
}

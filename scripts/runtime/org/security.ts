import { ApiNames } from '../../project/objects';
import type { PermissionSetDefinition } from '../../project/security';
import type { AccessMode, DataSecurity, FieldUse, WriteCheck, WriteRow } from '../apex/data/bridge';
import { UnsupportedError } from '../apex/errors';
import type { DmlRowError, ExceptionState, SourcePlace } from '../apex/model';
import type { FieldSchema, ObjectSchema, OrgSchema } from '../schema';
import type { FieldValues } from '../types';
import { normalizeId } from './ids';
import type { DmlOperation } from './types';

/**
 * The running user's object and field permissions, as user-mode database operations, describe
 * and FeatureManagement check them (Apex Developer Guide, "Set an Access Mode for Database
 * Operations", "Apex Security and Sharing Model"). A user's access is the union of what their
 * profile grants and what the permission sets assigned to them grant ("You can use permission
 * sets to grant access, but not to deny access", Metadata API Developer Guide, "PermissionSet").
 *
 * Record-level sharing (org-wide defaults, roles, sharing rules, `with sharing`) is not
 * modelled: a user who may read an object reads every record of it. [verify in an org: user-mode
 * queries of records the user does not own under a Private org-wide default]
 */

/** An object permission, as describe and DML ask for it. */
export type ObjectAccess = 'read' | 'create' | 'edit' | 'delete';

/** Throws an Apex exception of a platform class: the VM's `ApexServices.raise`. */
export type RaiseException = (
    exceptionName: string,
    message: string,
    detail?: Pick<ExceptionState, 'dml'>
) => never;

export interface OrgSecurityOptions {
    readonly schema: OrgSchema;
    /** The project's permission sets, by name (`projectPermissionSets`). */
    readonly permissionSets: ReadonlyMap<string, PermissionSetDefinition>;
    /** The Id of the user Apex runs as; null when it runs as nobody. */
    readonly userId: () => string | null;
    /** The org's current records of an object, in the running transaction. */
    readonly records: (objectApiName: string) => readonly FieldValues[];
    readonly raise: RaiseException;
}

/**
 * What a profile grants on standard objects, beyond its two "all data" flags, which the org
 * holds as Profile fields. The embedded org models only what the package reads as a user:
 * every standard profile can read users (Salesforce Help, "Standard Profiles": even Read Only
 * "can view the organization's setup"; Apex Developer Guide, "Isolation of Test Data": User is
 * one of the objects every test sees) [verify in an org: a Standard User reads User WITH
 * USER_MODE]. Creating and deleting users needs "Manage Users" (Salesforce Help, "User
 * Permissions and Access"), which no standard profile but the administrator's has; whether a
 * user may edit their own User record in user mode is not known here, so it is refused. Any
 * other standard object is refused rather than answered.
 */
const STANDARD_PROFILE: Readonly<Record<string, Partial<Record<ObjectAccess, boolean>>>> = {
    user: { read: true, create: false, delete: false }
};

/** `DML operation INSERT not allowed on Case` (APEX.md §12, from DG "Set an Access Mode"). */
const DML_VERBS: Readonly<Record<DmlOperation, string>> = {
    insert: 'INSERT',
    update: 'UPDATE',
    upsert: 'UPSERT',
    delete: 'DELETE'
};

/** What the running user is granted, read from the org's records when an operation asks. */
interface Grants {
    readonly user: FieldValues;
    /** Profile.PermissionsModifyAllData. */
    readonly modifyAllData: boolean;
    /** Profile.PermissionsViewAllData (or modify all data, which includes it). */
    readonly viewAllData: boolean;
    readonly sets: readonly PermissionSetDefinition[];
}

export class OrgSecurity implements DataSecurity {
    private readonly names: ApiNames;

    public constructor(private readonly options: OrgSecurityOptions) {
        this.names = new ApiNames(options.schema.namespace);
    }

    /** The running user's User record; undefined when Apex runs as nobody. */
    public user(): FieldValues | undefined {
        const id = this.options.userId();
        const normalized = id !== null ? normalizeId(id) : undefined;
        return normalized === undefined ? undefined : this.recordById('User', normalized);
    }

    /**
     * Whether a permission set assigned to the running user enables the custom permission
     * (RG "FeatureManagement Class", checkPermission). A custom permission is enabled only by a
     * permission set or profile that lists it (Salesforce Help, "Custom Permissions"); the org's
     * profiles are standard ones, which list none, and "Modify All Data" is not documented to
     * enable them, so it does not [verify in an org: checkPermission for a System Administrator
     * without the permission]. Names compare without regard to case, as API names do.
     */
    public checkPermission(customPermissionName: string): boolean {
        const grants = this.grants();
        const wanted = this.names.key(customPermissionName);
        return (
            grants?.sets.some((set) =>
                [...set.customPermissions].some((name) => this.names.key(name) === wanted)
            ) ?? false
        );
    }

    /**
     * The first of an external credential's principals, in the order given, that a permission
     * set assigned to the running user enables; undefined when none does, or when Apex runs as
     * nobody. "Principals link an external credential to permission sets or user profiles so
     * that users can make callouts using the named credential", and a permission set names one
     * as the external credential's name, a hyphen and the principal's (Salesforce Help, "Enable
     * External Credential Principals"; `Calendly-CalendlyAdmin` in the Metadata API). The org's
     * profiles are standard ones, which enable none. Names compare without regard to case.
     */
    public principalFor(
        externalCredential: string,
        principals: readonly string[]
    ): string | undefined {
        const enabled = new Set(
            this.grants()?.sets.flatMap((set) =>
                [...set.externalCredentialPrincipals].map((name) => name.toLowerCase())
            )
        );
        return principals.find((principal) =>
            enabled.has(`${externalCredential}-${principal}`.toLowerCase())
        );
    }

    public checkRead(
        object: ObjectSchema,
        fields: readonly FieldUse[],
        mode: AccessMode,
        place: SourcePlace
    ): void {
        if (mode === 'system') {
            return;
        }
        const grants = this.required(place, mode);
        if (mode === 'security-enforced') {
            this.checkSecurityEnforced(grants, object, fields, place);
            return;
        }
        if (!this.objectAccess(grants, object, 'read', place)) {
            // [unconfirmed] APEX.md §12: the message for an object the user cannot read in a
            // user-mode query is not documented. This is the API's INVALID_TYPE text for an
            // object the user cannot see (SOAP API Developer Guide, "Core Data Types Used in API
            // Calls", ExceptionCode INVALID_TYPE) [verify in an org].
            this.options.raise(
                'QueryException',
                `sObject type '${object.name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
            );
        }
        // "WITH USER_MODE ... finds all FLS errors in your SOQL query" (DG "Set an Access Mode");
        // the message names the first. QueryException.getInaccessibleFields() is not modelled.
        const denied = fields.find((use) => !this.fieldReadable(grants, use, place));
        if (denied) {
            // APEX.md §12: "No such column 'X__c' on entity 'Obj__c'…" [2nd]; the rest of the
            // sentence is the API's INVALID_FIELD text [verify in an org].
            this.options.raise(
                'QueryException',
                `No such column '${denied.field.name}' on entity '${denied.object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
            );
        }
    }

    public canAccess(
        object: ObjectSchema,
        access: ObjectAccess,
        field: FieldSchema | undefined,
        place: SourcePlace
    ): boolean {
        const grants = this.required(place, 'describe');
        if (!field) {
            return this.objectAccess(grants, object, access, place);
        }
        if (access === 'read') {
            return this.fieldReadable(grants, { object, field }, place);
        }
        // A read-only field (a formula, an auto-number, Id) is neither createable nor updateable
        // for anyone (RG "DescribeFieldResult Class", isCreateable, isUpdateable).
        return field.writable && this.fieldWritable(grants, object, field, access, place);
    }

    /**
     * User-mode DML (DG "Set an Access Mode for Database Operations"): without the object
     * permission, System.SecurityException naming the operation and the object, whether or
     * not the operation is all-or-none [verify in an org: Database.insert(rows, false,
     * AccessLevel.USER_MODE) without create access throws rather than failing each row].
     * Without edit access to a field a row sets, an all-or-none operation throws DmlException
     * with the documented message and a row error per row; a partial one fails those rows.
     */
    public checkWrite(
        object: ObjectSchema,
        operation: DmlOperation,
        rows: readonly WriteRow[],
        mode: AccessMode,
        place: SourcePlace,
        check: WriteCheck
    ): void {
        if (mode === 'system') {
            return;
        }
        if (mode === 'security-enforced') {
            throw new UnsupportedError(place, 'DML WITH SECURITY_ENFORCED');
        }
        const grants = this.required(place, mode);
        // An upsert may create or update each row: it is taken as needing both.
        // [verify in an org: an upsert that only updates, by a user without create access]
        const needs: readonly ObjectAccess[] =
            operation === 'insert'
                ? ['create']
                : operation === 'update'
                  ? ['edit']
                  : operation === 'upsert'
                    ? ['create', 'edit']
                    : ['delete'];
        if (!needs.every((access) => this.objectAccess(grants, object, access, place))) {
            this.options.raise(
                'SecurityException',
                `DML operation ${DML_VERBS[operation]} not allowed on ${object.name}`
            );
        }
        if (operation === 'delete') {
            return;
        }
        const errors: DmlRowError[] = [];
        rows.forEach((row, index) => {
            const denied = row.fields.filter(
                (field) =>
                    // The org refuses a read-only field in any mode, with its own error.
                    field.writable &&
                    !needs.every((access) =>
                        this.fieldWritable(grants, object, field, access, place)
                    )
            );
            if (denied.length > 0) {
                const id = row.values['Id'];
                const names = denied.map((field) => field.name);
                // [unconfirmed] the status code and message of each row: the API's text for a
                // field the user cannot edit (REST API, INVALID_FIELD_FOR_INSERT_UPDATE)
                // [verify in an org: SaveResult.getErrors() of a user-mode DML without FLS].
                errors.push({
                    index,
                    id: typeof id === 'string' ? id : null,
                    statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
                    message: `Unable to create/update fields: ${names.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
                    fields: names
                });
            }
        });
        if (errors.length === 0) {
            return;
        }
        if (check.allOrNone) {
            // DG "Set an Access Mode for Database Operations"; the fields through
            // getDmlFieldNames(i).
            this.options.raise(
                'DmlException',
                `Operation failed due to fields being inaccessible on Sobject ${object.name}, check errors on Exception or Result!`,
                { dml: errors }
            );
        }
        errors.forEach((error) => {
            check.deny(error);
        });
    }

    // ------------------------------------------------------------------ access

    /**
     * WITH SECURITY_ENFORCED: "If fields or objects referenced in the SELECT clause ... are
     * inaccessible to the user, an exception is thrown", at the first one; WHERE and ORDER BY
     * are not checked (DG "Filter SOQL Queries Using WITH SECURITY_ENFORCED"). The message is
     * the one APEX.md §12 gives for both [DG se; 2nd].
     */
    private checkSecurityEnforced(
        grants: Grants,
        object: ObjectSchema,
        fields: readonly FieldUse[],
        place: SourcePlace
    ): void {
        const insufficient = (): never =>
            this.options.raise(
                'QueryException',
                'Insufficient permissions: secure query included inaccessible field'
            );
        if (!this.objectAccess(grants, object, 'read', place)) {
            insufficient();
        }
        for (const use of fields) {
            if (use.clause === 'where' || use.clause === 'order by') {
                continue;
            }
            if (!this.fieldReadable(grants, use, place)) {
                if (use.clause === undefined) {
                    throw new UnsupportedError(
                        place,
                        `WITH SECURITY_ENFORCED on a query whose unreadable field ${use.object.name}.${use.field.name} cannot be placed in its SELECT or WHERE clause`
                    );
                }
                insufficient();
            }
        }
    }

    /** The running user's grants, or a refusal when Apex runs as nobody. */
    private required(place: SourcePlace, what: string): Grants {
        const grants = this.grants();
        if (!grants) {
            const operation =
                what === 'describe' ? 'a describe access check' : `a ${what}-mode operation`;
            throw new UnsupportedError(place, `${operation} without a running user`);
        }
        return grants;
    }

    private grants(): Grants | undefined {
        const user = this.user();
        if (!user) {
            return undefined;
        }
        const profileId = user['ProfileId'];
        const profile =
            typeof profileId === 'string' ? this.recordById('Profile', profileId) : undefined;
        const modifyAllData = profile?.['PermissionsModifyAllData'] === true;
        const userId = String(user['Id']);
        const setIds = new Set(
            this.recordsOf('PermissionSetAssignment')
                .filter((row) => sameId(row['AssigneeId'], userId))
                .map((row) => idOf(row['PermissionSetId']))
        );
        const sets: PermissionSetDefinition[] = [];
        for (const row of this.recordsOf('PermissionSet')) {
            if (!setIds.has(idOf(row['Id']))) {
                continue;
            }
            // A permission set that the project does not define grants nothing here.
            const definition = this.permissionSet(String(row['Name']));
            if (definition) {
                sets.push(definition);
            }
        }
        return {
            user,
            modifyAllData,
            viewAllData: modifyAllData || profile?.['PermissionsViewAllData'] === true,
            sets
        };
    }

    private permissionSet(name: string): PermissionSetDefinition | undefined {
        const exact = this.options.permissionSets.get(name);
        if (exact) {
            return exact;
        }
        const key = name.toLowerCase();
        return [...this.options.permissionSets.values()].find(
            (set) => set.name.toLowerCase() === key
        );
    }

    /**
     * Whether the user has an object permission: "Modify All Data" grants every one and "View
     * All Data" read (Salesforce Help, "User Permissions and Access"; the org holds them as
     * Profile.PermissionsModifyAllData and PermissionsViewAllData), then any assigned
     * permission set, then the standard profile's own (STANDARD_PROFILE). A custom object gets
     * nothing from a standard profile: a deployment without profiles grants no one access to
     * it (Metadata API Developer Guide, "Profile") [verify in an org]. A standard object the
     * embedded org does not know the profile's access to is refused.
     */
    private objectAccess(
        grants: Grants,
        object: ObjectSchema,
        access: ObjectAccess,
        place: SourcePlace
    ): boolean {
        if (grants.modifyAllData || (access === 'read' && grants.viewAllData)) {
            return true;
        }
        const key = this.names.key(object.name);
        for (const set of grants.sets) {
            for (const [name, permissions] of set.objectPermissions) {
                if (this.names.key(name) === key && permissions[access]) {
                    return true;
                }
            }
        }
        if (object.custom) {
            return false;
        }
        const baseline = STANDARD_PROFILE[key]?.[access];
        if (baseline === undefined) {
            throw new UnsupportedError(
                place,
                `the ${access} access to ${object.name} that a standard profile grants`
            );
        }
        return baseline;
    }

    /**
     * Field-level security (Object Reference, "FieldPermissions"): a custom field is readable
     * or editable only through a permission that grants it. Standard fields, and custom fields
     * that are required (which field-level security cannot hide), follow the object's access
     * [verify in an org: standard fields a profile hides, such as User fields for a community
     * user]. "Modify All Data" and "View All Data" are taken to reach every field, as the
     * administrator's profile does in a project's scratch org [verify in an org: FLS of a field
     * deployed without a profile, for a System Administrator].
     */
    private fieldReadable(grants: Grants, use: FieldUse, place: SourcePlace): boolean {
        if (!this.objectAccess(grants, use.object, 'read', place)) {
            return false;
        }
        if (grants.viewAllData || !governed(use.field)) {
            return true;
        }
        return this.fieldPermission(grants, use.object, use.field, 'readable');
    }

    private fieldWritable(
        grants: Grants,
        object: ObjectSchema,
        field: FieldSchema,
        access: ObjectAccess,
        place: SourcePlace
    ): boolean {
        if (!this.objectAccess(grants, object, access, place)) {
            return false;
        }
        if (grants.modifyAllData || !governed(field)) {
            return true;
        }
        return this.fieldPermission(grants, object, field, 'editable');
    }

    private fieldPermission(
        grants: Grants,
        object: ObjectSchema,
        field: FieldSchema,
        kind: 'readable' | 'editable'
    ): boolean {
        const wanted = `${this.names.key(object.name)}.${this.names.key(field.name)}`;
        return grants.sets.some((set) => {
            for (const [name, permissions] of set.fieldPermissions) {
                const [objectName = '', fieldName = ''] = name.split('.');
                if (
                    permissions[kind] &&
                    `${this.names.key(objectName)}.${this.names.key(fieldName)}` === wanted
                ) {
                    return true;
                }
            }
            return false;
        });
    }

    // ------------------------------------------------------------------ records

    private recordsOf(object: string): readonly FieldValues[] {
        return this.options.schema.findObject(object) ? this.options.records(object) : [];
    }

    private recordById(object: string, id: string): FieldValues | undefined {
        const wanted = idOf(id);
        return this.recordsOf(object).find((row) => idOf(row['Id']) === wanted);
    }
}

/** Whether field-level security decides a field: a custom field that is not required. */
function governed(field: FieldSchema): boolean {
    return /__c$/i.test(field.name) && !field.required;
}

/** An Id in its 18-character form, for comparing Ids written either way. */
function idOf(value: unknown): string {
    return typeof value === 'string' ? (normalizeId(value) ?? value) : '';
}

function sameId(value: unknown, id: string): boolean {
    return idOf(value) === idOf(id);
}

/**
 * Every message of `npm run generate -- flow`: a refusal names the option, field or file and
 * says what to do.
 */
export const flowMessages = {
    badFlowName: (name: string): string =>
        `--name "${name}" is not a valid flow API name: use letters, digits and single underscores, start with a letter, do not end with an underscore, at most 80 characters (e.g. Map_User_Calendly_Link).`,
    badLabel: (option: string, value: string, max: number): string =>
        `${option} "${value}" must be 1 to ${max} characters without line breaks.`,
    badLinkType: (value: string): string =>
        `--link-type "${value}" is not a link type: use Profile or ManagedEvent.`,
    slugAndName: (): string =>
        '--event-slug and --event-name were both given: a copy selects its event type by one of them; keep one.',
    eventWithProfile: (option: string): string =>
        `${option} selects a managed event type: add --link-type ManagedEvent, or leave ${option} out to map profile links.`,
    eventMissing: (): string =>
        '--link-type ManagedEvent needs --event-slug SLUG (e.g. intro-call) or --event-name NAME (e.g. "Intro call"): a user has one link per event type.',
    badSlug: (slug: string): string =>
        `--event-slug "${slug}" is not an event type slug: use the last part of the event's link (letters, digits, - _ . ~), e.g. intro-call for https://calendly.com/ada/intro-call.`,
    badEventName: (name: string): string =>
        `--event-name "${name}" must be 1 to 255 characters without line breaks, double quotes, backslashes or "{!": it is written into the copy's entry formula.`,
    userFieldRequired: (): string =>
        '--link-type ManagedEvent needs --user-field FIELD: the User text field that gets the link, e.g. --user-field Calendly_Intro_Call_Link__c (add --create-field to create it). Calendly_Link__c holds the profile link.',
    badUserField: (field: string): string =>
        `--user-field "${field}" is not a valid custom field API name: use letters, digits and single underscores, start with a letter, at most 40 characters, then __c (e.g. Calendly_Intro_Call_Link__c).`,
    prefixedUserField: (field: string): string =>
        `--user-field "${field}" carries a namespace prefix: give the field without it; --namespace adds the prefix to the package's own fields.`,
    badNamespace: (prefix: string): string =>
        `--namespace "${prefix}" is not a namespace prefix: 1 to 15 letters and digits, starting with a letter (the package's is in sfdx-project.json, "namespace").`,
    badTriggerOrder: (value: string): string =>
        `--trigger-order "${value}" must be a whole number from 1 to 2000.`,
    fieldLabelWithoutCreate: (): string =>
        '--field-label labels a field this command creates: add --create-field, or leave --field-label out.',
    flowInPackage: (name: string, file: string): string =>
        `--name ${name}: ${file} is a flow of the package; a copy needs its own API name, e.g. Map_User_Calendly_Link.`,
    flowTaken: (name: string, file: string): string =>
        `--name ${name}: ${file} already exists. Choose another --name, or add --force to overwrite it.`,
    fieldWrongType: (field: string, file: string, type: string): string =>
        `--user-field ${field}: ${file} defines it as ${type || 'a field without a type'}, and a link needs a Text field. Choose another --user-field (add --create-field to create it).`,
    fieldMissing: (field: string, directory: string): string =>
        `--user-field ${field}: no User field ${field} in this project. Add --create-field to create it; or, if the org already has it, retrieve it (sf project retrieve start --metadata CustomField:User.${field} --target-org ALIAS) and move its file to ${directory}/objects/User/fields/.`,
    fieldInPackage: (field: string, file: string): string =>
        `--create-field: ${file} already defines User.${field} in the package; leave out --create-field.`,
    fieldTaken: (field: string, file: string): string =>
        `--create-field: ${file} already defines User.${field}. Leave out --create-field to use it, or add --force to overwrite it.`,
    permissionSetTaken: (name: string, file: string): string =>
        `--create-field: ${file} (the permission set ${name}) already exists. Add --force to overwrite it, or choose another --user-field.`,
    otherNamespace: (prefix: string, projectNamespace: string | undefined): string =>
        `Note: --namespace ${prefix} differs from the project's namespace (${projectNamespace ?? 'none'} in sfdx-project.json): npm run validate and the local runtime resolve only the project's prefix, so they will not recognise this copy's names.`,
    wrote: (file: string): string => `wrote ${file}`,
    unchanged: (file: string): string => `unchanged ${file} (already this copy)`,
    nextSteps: (flowFile: string): string =>
        [
            '',
            'Next:',
            `  npm run validate                        check the project, the copy included`,
            `  npm run simulate -- FILE.scenario.json  try the copy locally (list "${flowFile}" in "flows")`,
            '  npm run deploy -- --target-org ALIAS --include-unpackaged   deploy it with the package'
        ].join('\n')
} as const;

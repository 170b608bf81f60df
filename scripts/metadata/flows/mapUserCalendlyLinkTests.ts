import type * as md from '@salesforce/types/metadata';
import { FLOW_TEMPLATE, LINK_FIELDS as F, LINK_OBJECT, LINK_TYPES, PACKAGE_DIR } from '../names';
import { metadataFile, type Definition, type MetadataFile } from '../types';
import { ELEMENTS } from './mapUserCalendlyLink';

type Condition = Definition<md.FlowTestCondition>;
type LinkValues = Readonly<Record<string, string | boolean>>;

/** The email of the user that flow tests expect in the org (or in the local test data). */
export const FLOW_TEST_USER_EMAIL = 'ada.lovelace@example.com';

const ADA_LINK: LinkValues = {
    Name: 'Ada Lovelace · Profile',
    [F.url]: 'https://calendly.com/ada-lovelace',
    [F.email]: FLOW_TEST_USER_EMAIL,
    [F.linkType]: LINK_TYPES.profile,
    [F.calendlyUri]: 'https://api.calendly.com/users/FLOWTEST0000ADA',
    [F.isActive]: true
};

function record(values: LinkValues): string {
    return JSON.stringify({ attributes: { type: LINK_OBJECT }, ...values });
}

function flowTest(
    name: string,
    label: string,
    description: string,
    initial: LinkValues,
    updated: LinkValues | undefined,
    conditions: Condition[],
    errorMessage: string
): MetadataFile {
    const parameters: Definition<md.FlowTestParameter>[] = [
        {
            leftValueReference: '$Record',
            type: 'InputTriggeringRecordInitial',
            value: { sobjectValue: record(initial) }
        }
    ];
    if (updated) {
        parameters.push({
            leftValueReference: '$Record',
            type: 'InputTriggeringRecordUpdated',
            value: { sobjectValue: record(updated) }
        });
    }
    return metadataFile(`${PACKAGE_DIR}/flowtests/${name}.flowtest-meta.xml`, 'FlowTest', {
        description,
        flowApiName: FLOW_TEMPLATE,
        label,
        testPoints: [
            { elementApiName: 'Start', parameters },
            { assertions: [{ conditions, errorMessage }], elementApiName: 'Finish' }
        ],
        testType: 'WithAssertion'
    });
}

/** FlowTests of the template: a match, a no-match and a deactivation. */
export function mapUserCalendlyLinkTests(): MetadataFile[] {
    return [
        flowTest(
            `${FLOW_TEMPLATE}_MapsActiveUser`,
            'Maps a profile link to the active user with its email',
            `Needs an active user whose email is ${FLOW_TEST_USER_EMAIL}: that user gets the link.`,
            ADA_LINK,
            undefined,
            [
                {
                    leftValueReference: ELEMENTS.updateUsers,
                    operator: 'EqualTo',
                    rightValue: { booleanValue: true }
                }
            ],
            'The matching active user was not updated with the link.'
        ),
        flowTest(
            `${FLOW_TEMPLATE}_NoActiveUser`,
            'Changes no user when no active user has the email',
            'A link whose email no user has: no user is found and nothing is updated, without an error.',
            {
                ...ADA_LINK,
                [F.email]: 'nobody@calendly-links.invalid',
                [F.calendlyUri]: 'https://api.calendly.com/users/FLOWTEST0000NOBODY'
            },
            undefined,
            [
                {
                    leftValueReference: ELEMENTS.getUsers,
                    operator: 'IsNull',
                    rightValue: { booleanValue: true }
                }
            ],
            'A user was found for an email that no user has.'
        ),
        flowTest(
            `${FLOW_TEMPLATE}_ClearsDeactivatedLink`,
            'Clears a deactivated link from users',
            'A profile link that Calendly no longer returns is deactivated: the flow clears it from users holding it.',
            ADA_LINK,
            { ...ADA_LINK, [F.isActive]: false },
            [
                {
                    leftValueReference: ELEMENTS.clearLink,
                    operator: 'EqualTo',
                    rightValue: { booleanValue: true }
                }
            ],
            'The deactivated link was not cleared from users.'
        )
    ];
}

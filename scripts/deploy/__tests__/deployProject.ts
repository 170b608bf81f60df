import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
    RequestStatus,
    type DeployMessage,
    type MetadataApiDeployStatus
} from '@salesforce/source-deploy-retrieve';

/** A small sfdx project in a temporary directory: an Apex class, an object and its field. */
export function makeDeployProject(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-test-'));
    const files: Record<string, string> = {
        'sfdx-project.json': JSON.stringify({
            packageDirectories: [
                {
                    path: 'force-app',
                    default: true,
                    package: 'Widgets',
                    versionNumber: '1.0.0.NEXT'
                },
                { path: 'unpackaged', default: false }
            ],
            namespace: '',
            sourceApiVersion: '66.0'
        }),
        'force-app/main/default/classes/Greeter.cls':
            'public with sharing class Greeter {\n    public static String greet() {\n        return x;\n    }\n}\n',
        'force-app/main/default/classes/Greeter.cls-meta.xml':
            '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>66.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n',
        'force-app/main/default/objects/Widget__c/Widget__c.object-meta.xml':
            '<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">\n    <deploymentStatus>Deployed</deploymentStatus>\n    <label>Widget</label>\n    <nameField>\n        <label>Widget Name</label>\n        <type>Text</type>\n    </nameField>\n    <pluralLabel>Widgets</pluralLabel>\n    <sharingModel>ReadWrite</sharingModel>\n</CustomObject>\n',
        'force-app/main/default/objects/Widget__c/fields/Size__c.field-meta.xml':
            '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n    <fullName>Size__c</fullName>\n    <label>Size</label>\n    <precision>18</precision>\n    <scale>0</scale>\n    <type>Number</type>\n</CustomField>\n',
        'unpackaged/main/default/flows/Widget_Flow.flow-meta.xml':
            '<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>66.0</apiVersion>\n    <label>Widget Flow</label>\n    <processType>AutoLaunchedFlow</processType>\n    <status>Active</status>\n</Flow>\n'
    };
    for (const [file, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), content);
    }
    return root;
}

export const DEPLOY_ID = '0Af000000000001AAA';

/** A deploy status as checkDeployStatus answers it, in progress unless told otherwise. */
export function deployStatus(
    overrides: Partial<MetadataApiDeployStatus> = {}
): MetadataApiDeployStatus {
    return {
        id: DEPLOY_ID,
        status: RequestStatus.InProgress,
        success: false,
        done: false,
        checkOnly: false,
        createdBy: '005000000000001',
        createdByName: 'Admin User',
        createdDate: '2026-01-05T10:00:00.000Z',
        details: {},
        ignoreWarnings: false,
        lastModifiedDate: '2026-01-05T10:00:01.000Z',
        numberComponentErrors: 0,
        numberComponentsDeployed: 0,
        numberComponentsTotal: 3,
        numberTestErrors: 0,
        numberTestsCompleted: 0,
        numberTestsTotal: 0,
        runTestsEnabled: false,
        rollbackOnError: true,
        ...overrides
    };
}

/** A component message of a deploy result. */
export function message(
    componentType: string,
    fullName: string,
    fileName: string,
    overrides: Partial<DeployMessage> = {}
): DeployMessage {
    return {
        changed: 'false',
        created: 'true',
        createdDate: '2026-01-05T10:00:01.000Z',
        deleted: 'false',
        componentType,
        fullName,
        fileName,
        success: 'true',
        ...overrides
    };
}

/** Every component of the fixture project, deployed. */
export const SUCCESSES: DeployMessage[] = [
    message('ApexClass', 'Greeter', 'classes/Greeter.cls'),
    message('CustomObject', 'Widget__c', 'objects/Widget__c.object'),
    message('CustomField', 'Widget__c.Size__c', 'objects/Widget__c.object')
];

import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderFiles } from '../../../generate';
import { MetadataSchema } from '../../../schema';
import { parseXml, type XmlElement } from '../../../xml/parse';
import { flowCopyFiles, mapUserCalendlyLinkTemplate, type FlowCopyRequest } from '..';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const schema = MetadataSchema.load();

function render(request: FlowCopyRequest): string {
    const [flow] = renderFiles(schema, flowCopyFiles(request));
    return flow?.content ?? '';
}

/** The tree without line numbers, and without the named children of the root. */
function logic(xml: string, leaveOut: readonly string[]): unknown {
    const strip = (element: XmlElement, depth: number): unknown => ({
        name: element.name,
        text: element.text,
        children: element.children
            .filter((nested) => depth > 0 || !leaveOut.includes(nested.name))
            .map((nested) => strip(nested, depth + 1))
    });
    return strip(parseXml(xml, 'flow'), 0);
}

const PROFILE_COPY: FlowCopyRequest = {
    apiName: 'Map_User_Calendly_Link',
    label: 'Map User Calendly Link',
    links: { linkType: 'Profile' },
    userField: 'Calendly_Link__c',
    triggerOrder: 500,
    directory: 'unpackaged/main/default'
};

/** What Save As, activation and the copy's own words change; the rest is the one logic. */
const COPY_CHANGES = ['description', 'interviewLabel', 'isTemplate', 'label', 'status'];

describe('one definition for the template and its copies', () => {
    it('writes the shipped template byte for byte', () => {
        const [template] = renderFiles(schema, [mapUserCalendlyLinkTemplate()]);
        expect(template?.path).toBe(
            'force-app/main/default/flows/MapUserCalendlyLinkTemplate.flow-meta.xml'
        );
        expect(template?.content).toBe(
            fs.readFileSync(path.join(REPO_ROOT, template?.path ?? ''), 'utf8')
        );
    });

    it('gives a profile copy the logic of the template, active and no longer a template', () => {
        const [template] = renderFiles(schema, [mapUserCalendlyLinkTemplate()]);
        const copy = render(PROFILE_COPY);
        expect(logic(copy, COPY_CHANGES)).toEqual(logic(template?.content ?? '', COPY_CHANGES));
        expect(copy).toContain('<status>Active</status>');
        expect(copy).not.toContain('isTemplate');
        expect(copy).toContain('<triggerOrder>500</triggerOrder>');
    });

    it('changes only the entry formula and the User field for a managed-event copy', () => {
        const profile = render({ ...PROFILE_COPY, userField: 'Calendly_Intro_Call_Link__c' });
        const managed = render({
            ...PROFILE_COPY,
            links: { linkType: 'ManagedEvent', event: { by: 'slug', value: 'intro-call' } },
            userField: 'Calendly_Intro_Call_Link__c'
        });
        const entry = (xml: string): string =>
            /<filterFormula>([\s\S]*?)<\/filterFormula>/.exec(xml)?.[1] ?? '';
        expect(logic(managed, [...COPY_CHANGES, 'start'])).toEqual(
            logic(profile, [...COPY_CHANGES, 'start'])
        );
        expect(entry(managed)).toBe(
            entry(profile).replace(
                'ISPICKVAL({!$Record.LinkType__c}, &quot;Profile&quot;)',
                'ISPICKVAL({!$Record.LinkType__c}, &quot;ManagedEvent&quot;) &amp;&amp; {!$Record.EventTypeSlug__c} = &quot;intro-call&quot;'
            )
        );
    });

    it('prefixes exactly the package object and fields for an installed package', () => {
        const plain = render(PROFILE_COPY);
        const prefixed = render({ ...PROFILE_COPY, namespace: 'cly' });
        const packaged =
            /\b(CalendlyLink__c|Url__c|Email__c|LinkType__c|IsActive__c|Calendly_Link__c)\b/g;
        expect(prefixed).toBe(plain.replace(packaged, 'cly__$1'));
    });
});

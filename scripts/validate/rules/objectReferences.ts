import { child, type XmlElement } from '../../xml/parse';
import { atElement, finding } from '../finding';
import { messages, type Text } from '../messages';
import {
    childPath,
    isCustomName,
    objectModel,
    splitQualified,
    unknownSeverity,
    type FieldCheck,
    type ObjectModel
} from '../model';
import type { Project } from '../../project';
import type { Finding, Rule } from '../types';

const ID = 'object-references';

const LAYOUT = /(?:^|\/)layouts\/([^/-]+)-[^/]*\.layout-meta\.xml$/;
const LIST_VIEW = /(?:^|\/)objects\/([^/]+)\/listViews\/[^/]+\.listView-meta\.xml$/;
const COMPACT_LAYOUT = /(?:^|\/)objects\/([^/]+)\/compactLayouts\/[^/]+\.compactLayout-meta\.xml$/;
const OBJECT = /(?:^|\/)objects\/([^/]+)\/([^/]+)\.object-meta\.xml$/;
const ACCESS_FILE = /\.(permissionset|profile)-meta\.xml$/;

/**
 * Every object, field, tab, class, flow and custom permission that a permission set, profile,
 * layout, compact layout, list view or search layout names exists in the project or among the
 * standard ones.
 */
export const objectReferencesRule: Rule = {
    id: ID,
    description:
        'Every object, field, tab, Apex class, flow and custom permission named by permission sets, profiles, layouts, list views and search layouts exists.',
    check(project) {
        const checker = new ReferenceChecker(project, project.memo(objectModel));
        for (const file of project.files) {
            const root = project.xmlRoot(file);
            if (!root) {
                continue;
            }
            const object =
                LAYOUT.exec(file)?.[1] ??
                LIST_VIEW.exec(file)?.[1] ??
                COMPACT_LAYOUT.exec(file)?.[1];
            if (ACCESS_FILE.test(file)) {
                checker.checkAccess(file, root);
            } else if (root.name === 'Layout' && object) {
                checker.checkLayout(file, root, object);
            } else if (root.name === 'ListView' && object) {
                checker.checkItems(file, root, root.name, 'columns', (value) =>
                    checker.listViewField(object, value)
                );
                checker.checkFilters(file, root, object);
            } else if (root.name === 'CompactLayout' && object) {
                checker.checkItems(file, root, root.name, 'fields', (value) =>
                    checker.objects.checkField(object, value)
                );
            } else if (root.name === 'CustomObject') {
                const match = OBJECT.exec(file);
                if (match?.[1] && match[1] === match[2]) {
                    checker.checkSearchLayouts(file, root, match[1]);
                }
            }
        }
        return checker.findings;
    }
};

class ReferenceChecker {
    public readonly findings: Finding[] = [];
    private readonly files: ReadonlySet<string>;

    public constructor(
        private readonly project: Project,
        public readonly objects: ObjectModel
    ) {
        this.files = new Set(project.files.map((file) => file.split('/').slice(-2).join('/')));
    }

    /**
     * Whether the project has this component: source-deploy-retrieve placed it (in any
     * sub-folder of its type's folder, as source format allows), or a file of that name sits
     * directly in the type's folder.
     */
    private has(type: string, name: string, file: string): boolean {
        return this.project.componentNames(type).has(name) || this.files.has(file);
    }

    public listViewField(object: string, column: string): FieldCheck {
        return this.objects.checkListViewField(object, column);
    }

    public checkAccess(file: string, root: XmlElement): void {
        this.checkItems(
            file,
            root,
            root.name,
            'fieldPermissions',
            (value) => this.qualifiedField(value),
            'field'
        );
        this.checkItems(
            file,
            root,
            root.name,
            'objectPermissions',
            (value) => this.objects.checkObject(value),
            'object'
        );
        for (const tabs of ['tabSettings', 'tabVisibilities']) {
            this.checkNamed(file, root, tabs, 'tab', (tab) =>
                isCustomName(tab) &&
                !this.objects.isForeign(tab) &&
                !this.has('CustomTab', tab, `tabs/${tab}.tab-meta.xml`)
                    ? messages.objects.unknownComponent('tab', tab, `tabs/${tab}.tab-meta.xml`)
                    : undefined
            );
        }
        this.checkNamed(file, root, 'classAccesses', 'apexClass', (name) =>
            !this.objects.isForeignComponent(name) &&
            !this.has('ApexClass', name, `classes/${name}.cls`)
                ? messages.objects.unknownComponent('Apex class', name, `classes/${name}.cls`)
                : undefined
        );
        this.checkNamed(file, root, 'flowAccesses', 'flow', (name) =>
            !this.objects.isForeignComponent(name) &&
            !this.has('Flow', name, `flows/${name}.flow-meta.xml`)
                ? messages.objects.unknownComponent('flow', name, `flows/${name}.flow-meta.xml`)
                : undefined
        );
        // A custom permission a set enables is another package's (`ns__Name`) or the project's.
        this.checkNamed(file, root, 'customPermissions', 'name', (name) => {
            const path = `customPermissions/${name}.customPermission-meta.xml`;
            return !this.objects.isForeignComponent(name) &&
                !this.has('CustomPermission', name, path)
                ? messages.objects.unknownComponent('custom permission', name, path)
                : undefined;
        });
    }

    public checkLayout(file: string, root: XmlElement, object: string): void {
        const objectCheck = this.objects.checkObject(object);
        if (objectCheck.status !== 'ok') {
            this.report(file, root, root.name, objectCheck);
            return;
        }
        const visit = (element: XmlElement, path: string): void => {
            for (const item of element.children) {
                const itemPath = childPath(path, element, item);
                const field = item.name === 'layoutItems' ? child(item, 'field') : undefined;
                const name = field?.text.trim();
                if (field && name) {
                    this.report(
                        file,
                        field,
                        `${itemPath}.field`,
                        this.objects.checkField(object, name)
                    );
                }
                visit(item, itemPath);
            }
        };
        visit(root, root.name);
    }

    public checkFilters(file: string, root: XmlElement, object: string): void {
        this.checkItems(
            file,
            root,
            root.name,
            'filters',
            (value) => this.listViewField(object, value),
            'field'
        );
    }

    public checkSearchLayouts(file: string, root: XmlElement, object: string): void {
        const searchLayouts = child(root, 'searchLayouts');
        if (!searchLayouts) {
            return;
        }
        const path = `${root.name}.searchLayouts`;
        for (const list of new Set(searchLayouts.children.map((element) => element.name))) {
            if (list.endsWith('AdditionalFields')) {
                this.checkItems(file, searchLayouts, path, list, (value) =>
                    this.listViewField(object, value)
                );
            }
        }
    }

    /**
     * Checks the children called itemName: their text, or the text of their leaf child when
     * leafName is given (`fieldPermissions` > `field`).
     */
    public checkItems(
        file: string,
        parent: XmlElement,
        parentPath: string,
        itemName: string,
        check: (value: string) => FieldCheck,
        leafName?: string
    ): void {
        for (const item of parent.children.filter((element) => element.name === itemName)) {
            const leaf = leafName ? child(item, leafName) : item;
            const value = leaf?.text.trim();
            if (leaf && value) {
                const path = childPath(parentPath, parent, item);
                this.report(file, leaf, leafName ? `${path}.${leafName}` : path, check(value));
            }
        }
    }

    private checkNamed(
        file: string,
        root: XmlElement,
        itemName: string,
        leafName: string,
        check: (value: string) => Text | undefined
    ): void {
        for (const item of root.children.filter((element) => element.name === itemName)) {
            const leaf = child(item, leafName);
            const text = leaf ? check(leaf.text.trim()) : undefined;
            if (leaf && text) {
                const path = `${childPath(root.name, root, item)}.${leafName}`;
                this.findings.push(finding(ID, 'error', text, atElement(file, leaf, path)));
            }
        }
    }

    private qualifiedField(value: string): FieldCheck {
        const [object, field] = splitQualified(value);
        return object && field
            ? this.objects.checkField(object, field)
            : { status: 'unknown-field', object: '', field: value };
    }

    private report(file: string, element: XmlElement, path: string, check: FieldCheck): void {
        if (check.status === 'unknown-object' || check.status === 'unknown-field') {
            this.findings.push(
                finding(
                    ID,
                    unknownSeverity(check),
                    messages.objects.unknown(check),
                    atElement(file, element, path)
                )
            );
        }
    }
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { CatalogueError, loadStandardCatalogue, readStandardCatalogue } from '..';
import type { StandardCatalogue } from '..';
import { ACC_ENUM, ACC_FINAL, ACC_PUBLIC, ACC_STATIC } from '../classFile';
import {
    classFile,
    field,
    pomProperties,
    removeTemporaryDirectories,
    RUNFORCE,
    sobjectClass,
    temporaryDirectory,
    zip
} from './builders';
import type { ZipSpec } from './builders';

afterEach(removeTemporaryDirectories);

const SOBJECT_JAR = 'sobject-types-65.0.0.jar';
const STANDARD_JAR = 'standard-types-65.0.0.jar';

/** Everything the catalogue answers, to compare two loads of it. */
function answers(catalogue: StandardCatalogue): unknown {
    return {
        apiVersion: catalogue.apiVersion,
        sources: catalogue.sources,
        sobjects: catalogue.sobjectNames().map((name) => catalogue.sobject(name)),
        apexTypes: catalogue.apexNamespaces().map((namespace) => catalogue.apexTypes(namespace))
    };
}

describe('the cache of the installed jars', () => {
    it('gives the same answers as the jars, without reading them again', () => {
        const cacheDirectory = temporaryDirectory('cache');

        const cold = readStandardCatalogue({ cacheDirectory });
        const warm = readStandardCatalogue({ cacheDirectory });

        expect(cold.fromCache).toBe(false);
        expect(warm.fromCache).toBe(true);
        expect(fs.readdirSync(cacheDirectory).sort()).toEqual([
            expect.stringMatching(/^sobject-types-.+\.jar\.json$/),
            expect.stringMatching(/^standard-types-.+\.jar\.json$/)
        ]);
        expect(JSON.stringify(answers(warm.catalogue))).toBe(
            JSON.stringify(answers(cold.catalogue))
        );
    });
});

describe('the cache of a jar', () => {
    const account = sobjectClass('Account', [
        field('Id', 'System/Id'),
        field('Site', 'System/String')
    ]);

    function javaLib(sobjects: readonly ZipSpec[]): string {
        const directory = temporaryDirectory('java-lib');
        writeJars(directory, sobjects);
        return directory;
    }

    function writeJars(directory: string, sobjects: readonly ZipSpec[]): void {
        fs.writeFileSync(
            path.join(directory, SOBJECT_JAR),
            zip([pomProperties('sobject-types', '65.0.0'), ...sobjects])
        );
        fs.writeFileSync(
            path.join(directory, STANDARD_JAR),
            zip([pomProperties('standard-types', '65.0.0')])
        );
    }

    const accountEntry = { name: `${RUNFORCE}SObjects/Account.class`, data: account };

    it.each([
        ['not JSON', () => '{"key": "'],
        ['damaged inside', (kept: string) => kept.replace('Site:String', 'Site:Text')],
        ['of another shape', (kept: string) => kept.replace(/"data":\[/, '"data":[7,')]
    ])('is ignored when it is %s, and written again', (_case, damage) => {
        const javaLibDirectory = javaLib([accountEntry]);
        const cacheDirectory = temporaryDirectory('cache');
        readStandardCatalogue({ javaLibDirectory, cacheDirectory });
        const file = path.join(cacheDirectory, `${SOBJECT_JAR}.json`);
        const damaged = damage(fs.readFileSync(file, 'utf8'));
        expect(damaged).not.toBe(fs.readFileSync(file, 'utf8'));
        fs.writeFileSync(file, damaged);

        const load = readStandardCatalogue({ javaLibDirectory, cacheDirectory });

        expect(load.fromCache).toBe(false);
        expect(load.catalogue.field('Account', 'Site')).toMatchObject({ type: 'String' });
        expect(readStandardCatalogue({ javaLibDirectory, cacheDirectory }).fromCache).toBe(true);
    });

    it('is not used for another jar of the same name', () => {
        const javaLibDirectory = javaLib([accountEntry]);
        const cacheDirectory = temporaryDirectory('cache');
        readStandardCatalogue({ javaLibDirectory, cacheDirectory });
        writeJars(javaLibDirectory, [
            accountEntry,
            { name: `${RUNFORCE}SObjects/Contact.class`, data: sobjectClass('Contact', []) }
        ]);

        const load = readStandardCatalogue({ javaLibDirectory, cacheDirectory });

        expect(load.fromCache).toBe(false);
        expect(load.catalogue.sobjectNames()).toEqual(['Account', 'Contact']);
    });

    it('only costs the saving when it cannot be written', () => {
        const javaLibDirectory = javaLib([accountEntry]);
        const notADirectory = path.join(temporaryDirectory('cache'), 'file');
        fs.writeFileSync(notADirectory, '');

        const load = readStandardCatalogue({ javaLibDirectory, cacheDirectory: notADirectory });

        expect(load.catalogue.sobjectNames()).toEqual(['Account']);
    });

    it('is read once per process by loadStandardCatalogue', () => {
        const options = {
            javaLibDirectory: javaLib([accountEntry]),
            cacheDirectory: temporaryDirectory('cache')
        };

        expect(loadStandardCatalogue(options)).toBe(loadStandardCatalogue(options));
    });
});

describe('reading a jar', () => {
    function load(
        sobjects: readonly ZipSpec[],
        standard: readonly ZipSpec[] = []
    ): StandardCatalogue {
        const directory = temporaryDirectory('java-lib');
        fs.writeFileSync(
            path.join(directory, SOBJECT_JAR),
            zip([pomProperties('sobject-types', '65.0.0'), ...sobjects])
        );
        fs.writeFileSync(
            path.join(directory, STANDARD_JAR),
            zip([pomProperties('standard-types', '65.0.0'), ...standard])
        );
        return readStandardCatalogue({
            javaLibDirectory: directory,
            cacheDirectory: temporaryDirectory('cache')
        }).catalogue;
    }

    function sobjectEntry(name: string, data: Buffer): ZipSpec {
        return { name: `${RUNFORCE}SObjects/${name}.class`, data };
    }

    it('models each kind of field from the type the class gives it', () => {
        const catalogue = load([
            sobjectEntry(
                'Widget',
                sobjectClass('Widget', [
                    field('OwnerId', 'System/Id'),
                    field('Owner', 'SObjects/User'),
                    field('WhoId', 'System/Id'),
                    field('Who', 'SObjects/Name'),
                    field('ShippingAddress', 'SObjects/Address'),
                    field('Count', 'System/Integer'),
                    field('Ids', `[L${RUNFORCE}System/String;`),
                    field('Parts', `[L${RUNFORCE}SObjects/Part;`)
                ])
            ),
            sobjectEntry('User', sobjectClass('User', [])),
            sobjectEntry('Part', sobjectClass('Part', []))
        ]);

        expect(catalogue.sobjectNames()).toEqual(['Part', 'User', 'Widget']);
        expect(catalogue.sobject('Widget')?.fields).toEqual([
            {
                kind: 'value',
                name: 'OwnerId',
                type: 'Id',
                relationshipName: 'Owner',
                referenceTo: 'User'
            },
            {
                kind: 'parent',
                name: 'Owner',
                target: 'User',
                polymorphic: false,
                idField: 'OwnerId'
            },
            {
                kind: 'value',
                name: 'WhoId',
                type: 'Id',
                relationshipName: 'Who',
                referenceTo: 'Name'
            },
            { kind: 'parent', name: 'Who', target: 'Name', polymorphic: true, idField: 'WhoId' },
            { kind: 'value', name: 'ShippingAddress', type: 'Address' },
            { kind: 'value', name: 'Count', type: 'Integer' },
            { kind: 'value', name: 'Ids', type: 'List<String>' },
            { kind: 'children', name: 'Parts', childObject: 'Part' }
        ]);
    });

    it('refuses a malformed class file, naming the jar entry', () => {
        const broken = sobjectClass('Broken', [field('Name', 'System/String')]);

        expect(() => load([sobjectEntry('Broken', broken.subarray(0, 40))])).toThrow(
            new RegExp(`${SOBJECT_JAR}!/com/nawforce/runforce/SObjects/Broken\\.class: malformed`)
        );
    });

    it('refuses a field type it does not model, naming the entry and the field', () => {
        const odd = sobjectClass('Odd', [field('Link', 'System/Url')]);

        expect(() => load([sobjectEntry('Odd', odd)])).toThrow(CatalogueError);
        expect(() => load([sobjectEntry('Odd', odd)])).toThrow(
            /SObjects\/Odd\.class: field Link has the type com\/nawforce\/runforce\/System\/Url/
        );
    });

    it('refuses a class of the SObjects package that is not an object', () => {
        const notObject = classFile({ name: `${RUNFORCE}SObjects/Helper` });

        expect(() => load([sobjectEntry('Helper', notObject)])).toThrow(/not an object class/);
    });

    it('reads platform types and leaves out the jar helpers', () => {
        const own = `${RUNFORCE}System/Color`;
        const catalogue = load(
            [],
            [
                {
                    name: `${RUNFORCE}System/Color.class`,
                    data: classFile({
                        name: own,
                        superName: 'java/lang/Enum',
                        access: ACC_PUBLIC | ACC_FINAL | ACC_ENUM,
                        fields: [
                            {
                                name: 'RED',
                                descriptor: `L${own};`,
                                access: ACC_PUBLIC | ACC_STATIC | ACC_FINAL
                            }
                        ],
                        methods: [
                            {
                                name: 'values',
                                descriptor: `()[L${own};`,
                                access: ACC_PUBLIC | ACC_STATIC
                            },
                            { name: 'ordinal$', descriptor: '()Ljava/lang/Integer;' }
                        ]
                    })
                },
                {
                    name: `${RUNFORCE}Internal/Any$.class`,
                    data: classFile({ name: `${RUNFORCE}Internal/Any$` })
                }
            ]
        );

        expect(catalogue.apexNamespaces()).toEqual(['System']);
        expect(catalogue.apexType('System', 'Color')).toMatchObject({
            kind: 'enum',
            values: ['RED'],
            methods: [
                { name: 'ordinal', static: false, parameters: [], returnType: 'System.Integer' }
            ]
        });
    });

    it('refuses a folder without the jars, and jars of different versions', () => {
        const empty = temporaryDirectory('java-lib');
        expect(() => readStandardCatalogue({ javaLibDirectory: empty })).toThrow(
            /holds no sobject-types jar, where the catalogue needs one/
        );

        const mixed = temporaryDirectory('java-lib');
        fs.writeFileSync(
            path.join(mixed, SOBJECT_JAR),
            zip([pomProperties('sobject-types', '65.0.0')])
        );
        fs.writeFileSync(
            path.join(mixed, 'standard-types-66.0.0.jar'),
            zip([pomProperties('standard-types', '66.0.0')])
        );
        expect(() =>
            readStandardCatalogue({
                javaLibDirectory: mixed,
                cacheDirectory: temporaryDirectory('cache')
            })
        ).toThrow(/different Salesforce versions/);
    });
});

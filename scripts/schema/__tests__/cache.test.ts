import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MetadataSchema } from '..';
import { readCachedDeclarations } from '../cache';
import { parseDeclarations } from '../declarations';

const SOURCE = `
    export type Metadata = { fullName?: string; };
    export type Shade = 'Light' | 'Dark';
    export type Tone = string;
    export type Widget = Metadata & { shade: Shade; tone?: Tone; parts?: Part[]; };
    export type Part = { size: number; };
`;

describe('the cache of parsed schema declarations', () => {
    let work: string;
    let declarationFile: string;
    let cacheDirectory: string;

    beforeEach(() => {
        work = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-cache-'));
        // The declaration file of a package, as metadata.d.ts is: the version names the cache.
        fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ version: '9.9.9' }));
        declarationFile = path.join(work, 'metadata.d.ts');
        fs.writeFileSync(declarationFile, SOURCE);
        cacheDirectory = path.join(work, 'cache');
    });

    afterEach(() => {
        fs.rmSync(work, { recursive: true, force: true });
    });

    /** The one cache file in the cache directory. */
    function cacheFile(): string {
        const entries = fs.readdirSync(cacheDirectory);
        expect(entries).toEqual([expect.stringMatching(/^schema-9\.9\.9-[0-9a-f]{16}\.json$/)]);
        return path.join(cacheDirectory, entries[0] ?? '');
    }

    function shades(): readonly string[] | undefined {
        return new MetadataSchema(readCachedDeclarations(declarationFile, cacheDirectory)).enumType(
            'Shade'
        );
    }

    it('parses the file when there is no cache yet, and writes what it parsed', () => {
        const declarations = readCachedDeclarations(declarationFile, cacheDirectory);

        expect(declarations).toEqual(parseDeclarations(SOURCE, declarationFile));
        expect(JSON.parse(fs.readFileSync(cacheFile(), 'utf8'))).toMatchObject({
            value: [...declarations]
        });
    });

    it('reads the declarations from the cache while the file is unchanged', () => {
        readCachedDeclarations(declarationFile, cacheDirectory);
        const file = cacheFile();
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"Dark"', '"Cached"'));

        expect(shades()).toEqual(['Light', 'Cached']);
        const schema = new MetadataSchema(readCachedDeclarations(declarationFile, cacheDirectory));
        expect(schema.complexType('Widget')?.elements).toEqual([
            {
                name: 'fullName',
                type: { kind: 'primitive', name: 'string' },
                repeated: false,
                required: false
            },
            {
                name: 'shade',
                type: { kind: 'enum', name: 'Shade', values: ['Light', 'Cached'] },
                repeated: false,
                required: true
            },
            {
                name: 'tone',
                type: { kind: 'primitive', name: 'string' },
                repeated: false,
                required: false
            },
            {
                name: 'parts',
                type: { kind: 'complex', name: 'Part' },
                repeated: true,
                required: false
            }
        ]);
    });

    it('parses the file again once it changes, and keeps only the new cache', () => {
        readCachedDeclarations(declarationFile, cacheDirectory);
        const before = cacheFile();
        fs.writeFileSync(before, fs.readFileSync(before, 'utf8').replace('"Dark"', '"Cached"'));
        fs.writeFileSync(declarationFile, SOURCE.replace("'Dark'", "'Dim'"));

        expect(shades()).toEqual(['Light', 'Dim']);
        expect(cacheFile()).not.toBe(before);
        expect(shades()).toEqual(['Light', 'Dim']);
    });

    it.each([
        ['cut short', (json: string) => json.slice(0, json.length / 2)],
        ['empty', () => ''],
        ['not an object', () => '[]'],
        ['without its key', (json: string) => json.replace('"key":', '"lock":')],
        ['with an unknown kind of type', (json: string) => json.replace('"enum"', '"set"')],
        [
            'with a member that is not one',
            (json: string) => json.replace('"optional":true', '"optional":1')
        ]
    ])('parses the file again when the cache file is %s, and writes it anew', (_, corrupt) => {
        readCachedDeclarations(declarationFile, cacheDirectory);
        const file = cacheFile();
        const whole = fs.readFileSync(file, 'utf8');
        fs.writeFileSync(file, corrupt(whole));
        expect(fs.readFileSync(file, 'utf8')).not.toBe(whole);

        expect(readCachedDeclarations(declarationFile, cacheDirectory)).toEqual(
            parseDeclarations(SOURCE, declarationFile)
        );
        expect(fs.readFileSync(file, 'utf8')).toBe(whole);
    });

    it('still answers when the cache cannot be written', () => {
        fs.writeFileSync(cacheDirectory, 'a file where the cache directory should be');

        expect(shades()).toEqual(['Light', 'Dark']);
    });

    it('answers for metadata.d.ts from the cache exactly as from the compiler', () => {
        const installed = require.resolve('@salesforce/types/metadata').replace(/\.js$/, '.d.ts');
        readCachedDeclarations(installed, cacheDirectory);
        const cached = new MetadataSchema(readCachedDeclarations(installed, cacheDirectory));
        const parsed = MetadataSchema.fromFile(installed);
        const names = [...fs.readFileSync(installed, 'utf8').matchAll(/^export type (\w+)/gm)].map(
            (match) => match[1] ?? ''
        );
        const answer = (schema: MetadataSchema, name: string): unknown => {
            try {
                return [schema.complexType(name), schema.enumType(name), schema.hasType(name)];
            } catch (error: unknown) {
                return error instanceof Error ? error.message : error;
            }
        };

        expect(names.length).toBeGreaterThan(1000);
        for (const name of names) {
            expect([name, answer(cached, name)]).toEqual([name, answer(parsed, name)]);
        }
    });
});

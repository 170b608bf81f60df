import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    ApexGrammar,
    optional,
    parseApex,
    parseSoql,
    positionOf,
    sourceOf,
    type ParsedApex
} from '..';

const ROOT = path.resolve(__dirname, '../../../..');
const CLASSES = path.join(ROOT, 'force-app/main/default/classes');

/** The tree of a class, which a `.cls` file always gives. */
function classTree(parsed: ParsedApex): ApexGrammar.CompilationUnitContext {
    if (parsed.kind !== 'class') {
        throw new Error(`${parsed.file} was parsed as a ${parsed.kind}.`);
    }
    return parsed.tree;
}

describe('parseApex', () => {
    it("parses a class with the grammar's compilationUnit rule", () => {
        const parsed = parseApex('public class Greeter { }', 'Greeter.cls');
        expect(parsed.kind).toBe('class');
        expect(parsed.syntaxErrors).toEqual([]);
        expect(parsed.tree).toBeInstanceOf(ApexGrammar.CompilationUnitContext);
    });

    it('parses a trigger, named by its .trigger file, with the triggerUnit rule', () => {
        const parsed = parseApex(
            'trigger LinkTrigger on Link__c (before insert) { }',
            'triggers/LinkTrigger.trigger'
        );
        expect(parsed.kind).toBe('trigger');
        expect(parsed.syntaxErrors).toEqual([]);
        expect(parsed.tree).toBeInstanceOf(ApexGrammar.TriggerUnitContext);
    });

    it('reads keywords in any case, as Apex does', () => {
        const parsed = parseApex(
            'PUBLIC With Sharing CLASS Greeter { Public Static VOID greet() { } }',
            'Greeter.cls'
        );
        expect(parsed.syntaxErrors).toEqual([]);
    });

    it('gathers a syntax error with its line and column, and keeps the rest of the tree', () => {
        const text = [
            'public class Broken {',
            '    public void ok() { }',
            '    public void broken() { Integer x = ; }',
            '    public void alsoOk() { }',
            '}'
        ].join('\n');
        const parsed = parseApex(text, 'Broken.cls');
        expect(parsed.syntaxErrors).toEqual([
            {
                line: 3,
                column: 40,
                message: expect.stringMatching(/^mismatched input ';'/) as string
            }
        ]);
        const body = classTree(parsed).typeDeclaration().classDeclaration().classBody();
        expect(body.classBodyDeclaration_list()).toHaveLength(3);
    });

    it('reports an error of the lexer too, such as an invalid escape in a string', () => {
        const parsed = parseApex("public class A { String s = 'a\\qb'; }", 'A.cls');
        expect(parsed.syntaxErrors[0]).toEqual({
            line: 1,
            column: 29,
            message: expect.stringContaining('token recognition error') as string
        });
    });

    it("exposes the tree to the grammar's listeners and visitors, with readers of its contexts", () => {
        const parsed = parseApex(
            'public class A {\n    Map<String, Object> m() { return null; }\n}',
            'A.cls'
        );
        class ReturnTypes extends ApexGrammar.ApexParserBaseListener {
            readonly found: string[] = [];

            enterMethodDeclaration = (context: ApexGrammar.MethodDeclarationContext): void => {
                const { line, column } = positionOf(context.start);
                this.found.push(`${sourceOf(context.typeRef())} at ${line}:${column}`);
            };
        }
        const listener = new ReturnTypes();
        ApexGrammar.ApexParseTreeWalker.DEFAULT.walk(listener, parsed.tree);
        expect(listener.found).toEqual(['Map<String, Object> at 2:5']);
        // An optional part that is absent reads as undefined, not as a context.
        expect(optional(classTree(parsed).typeDeclaration().enumDeclaration())).toBeUndefined();
    });
});

describe('parseSoql', () => {
    it("parses a query's text as Database.query receives it, binds and all", () => {
        const parsed = parseSoql('SELECT Id, Owner.Name FROM Account WHERE Id IN :ids LIMIT 5');
        expect(parsed.syntaxErrors).toEqual([]);
        expect(parsed.tree).toBeInstanceOf(ApexGrammar.QueryContext);
        expect(parsed.tree.fromNameList().getText()).toBe('Account');
        expect(optional(parsed.tree.whereClause())).toBeDefined();
    });

    it('reports text after the query, which the query rule alone would leave unread', () => {
        expect(parseSoql('SELECT Id FROM Account LIMIT 5 garbage').syntaxErrors).toEqual([
            { line: 1, column: 32, message: "extraneous input 'garbage' after the query" }
        ]);
    });
});

describe('the package', () => {
    const files = fs
        .readdirSync(CLASSES)
        .filter((file) => /\.(cls|trigger)$/.test(file))
        .sort();

    it('has Apex to parse', () => {
        expect(files.length).toBeGreaterThan(10);
    });

    it.each(files)('%s parses without a syntax error', (file) => {
        const text = fs.readFileSync(path.join(CLASSES, file), 'utf8');
        expect(parseApex(text, file).syntaxErrors).toEqual([]);
    });
});

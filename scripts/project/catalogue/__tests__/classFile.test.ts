import { ACC_ABSTRACT, ACC_INTERFACE, ACC_PUBLIC, ACC_STATIC, readClassFile } from '../classFile';
import { CatalogueError } from '../errors';
import { zipEntries } from '../../../shared/zip';
import { parseClassType, parseFieldType, parseMethodType } from '../signature';
import { classFile, modifiedUtf8, RUNFORCE, zip } from './builders';

const WHERE = 'test.jar!/com/nawforce/runforce/System/Example.class';

describe('class file reader', () => {
    const example = classFile({
        name: `${RUNFORCE}System/Example`,
        superName: `${RUNFORCE}System/Base`,
        interfaces: [`${RUNFORCE}System/Iterable`],
        signature: `<T:Ljava/lang/Object;>L${RUNFORCE}System/Base;L${RUNFORCE}System/Iterable<TT;>;`,
        fields: [
            { name: 'Name', descriptor: `L${RUNFORCE}System/String;` },
            {
                name: 'Contacts',
                descriptor: `L${RUNFORCE}System/List;`,
                signature: `L${RUNFORCE}System/List<L${RUNFORCE}SObjects/Contact;>;`
            }
        ],
        methods: [
            { name: '<init>', descriptor: '()V' },
            {
                name: 'valueOf',
                descriptor: `(Ljava/lang/Object;)L${RUNFORCE}System/String;`,
                access: ACC_PUBLIC | ACC_STATIC
            }
        ]
    });

    it('reads the class, its superclass, interfaces and generic signature', () => {
        const read = readClassFile(example, WHERE);

        expect(read.name).toBe(`${RUNFORCE}System/Example`);
        expect(read.superName).toBe(`${RUNFORCE}System/Base`);
        expect(read.interfaces).toEqual([`${RUNFORCE}System/Iterable`]);
        expect(read.access & ACC_PUBLIC).toBe(ACC_PUBLIC);
        expect(parseClassType(read.signature ?? '').typeParameters).toEqual(['T']);
    });

    it('reads fields with their descriptor and the Signature that keeps generics', () => {
        const [name, contacts] = readClassFile(example, WHERE).fields;

        expect(name).toEqual({
            name: 'Name',
            descriptor: `L${RUNFORCE}System/String;`,
            signature: undefined,
            access: ACC_PUBLIC
        });
        expect(contacts?.descriptor).toBe(`L${RUNFORCE}System/List;`);
        expect(contacts?.signature).toBe(`L${RUNFORCE}System/List<L${RUNFORCE}SObjects/Contact;>;`);
    });

    it('reads methods with their descriptor and whether they are static', () => {
        const methods = readClassFile(example, WHERE).methods;

        expect(methods.map((method) => method.name)).toEqual(['<init>', 'valueOf']);
        expect((methods[1]?.access ?? 0) & ACC_STATIC).toBe(ACC_STATIC);
        expect((methods[0]?.access ?? 0) & ACC_STATIC).toBe(0);
    });

    it('decodes modified UTF-8: NUL as two bytes, other planes as surrogate pairs', () => {
        const name = 'Caf\u00e9\u0000\u{1F600}\u20ac';
        const read = readClassFile(
            classFile({ name: 'p/X', fields: [{ name, descriptor: 'Ljava/lang/Object;' }] }),
            WHERE
        );

        expect(modifiedUtf8(name)).not.toEqual(Buffer.from(name, 'utf8'));
        expect(read.fields[0]?.name).toBe(name);
    });

    it('reads interfaces and abstract classes by their flags', () => {
        const read = readClassFile(
            classFile({ name: 'p/I', access: ACC_PUBLIC | ACC_INTERFACE | ACC_ABSTRACT }),
            WHERE
        );

        expect(read.access & ACC_INTERFACE).toBe(ACC_INTERFACE);
    });

    it.each([
        [
            'a file that is not a class file',
            Buffer.from('PK\u0003\u0004 not a class'),
            /0xCAFEBABE/
        ],
        ['a truncated class file', example.subarray(0, example.length - 9), /ends at byte/],
        ['bytes after the last attribute', Buffer.concat([example, Buffer.from([0])]), /follow/],
        [
            'an unknown constant pool tag',
            Buffer.concat([example.subarray(0, 10), Buffer.from([99]), example.subarray(11)]),
            /unknown tag 99/
        ]
    ])('refuses %s, naming the entry', (_case, bytes, problem) => {
        expect(() => readClassFile(bytes, WHERE)).toThrow(CatalogueError);
        expect(() => readClassFile(bytes, WHERE)).toThrow(problem);
        expect(() => readClassFile(bytes, WHERE)).toThrow(WHERE);
    });

    it('refuses a constant pool index that points at the wrong kind of constant', () => {
        // this_class is the third u2 after the pool: point it at a Utf8 entry (index 1).
        const broken = Buffer.from(example);
        const poolEnd = example.length - findBodyLength(example);
        broken.writeUInt16BE(1, poolEnd + 2);

        expect(() => readClassFile(broken, WHERE)).toThrow(/constant pool index 1/);
    });
});

/** The length of everything after the constant pool, read from the builder's own output. */
function findBodyLength(bytes: Buffer): number {
    let offset = 10;
    const count = bytes.readUInt16BE(8);
    for (let index = 1; index < count; index++) {
        const tag = bytes[offset];
        offset += tag === 1 ? 3 + bytes.readUInt16BE(offset + 1) : 3;
    }
    return bytes.length - offset;
}

describe('signatures', () => {
    it('reads generic fields, arrays and type variables', () => {
        expect(parseFieldType('Lp/List<Lp/Map<Lp/String;TV;>;>;')).toEqual({
            kind: 'class',
            name: 'p/List',
            arguments: [
                {
                    kind: 'class',
                    name: 'p/Map',
                    arguments: [
                        { kind: 'class', name: 'p/String', arguments: [] },
                        { kind: 'variable', name: 'V' }
                    ]
                }
            ]
        });
        expect(parseFieldType('[Lp/Contact;')).toEqual({
            kind: 'array',
            element: { kind: 'class', name: 'p/Contact', arguments: [] }
        });
    });

    it('reads a method with type parameters, its parameters and result', () => {
        const method = parseMethodType('<T:Ljava/lang/Object;>(TT;Lp/Integer;)V');

        expect(method.parameters).toEqual([
            { kind: 'variable', name: 'T' },
            { kind: 'class', name: 'p/Integer', arguments: [] }
        ]);
        expect(method.result).toEqual({ kind: 'void' });
    });

    it('names an inner class of a generic class with a dollar, as its binary name', () => {
        expect(parseFieldType('Lp/Outer<TT;>.Inner;')).toMatchObject({ name: 'p/Outer$Inner' });
    });

    it.each(['Lp/String', '(Lp/String;', 'Lp/List<*>;', 'Q'])('refuses %s', (signature) => {
        expect(() =>
            signature.startsWith('(') ? parseMethodType(signature) : parseFieldType(signature)
        ).toThrow(/type signature/);
    });
});

describe('jar reader', () => {
    const data = Buffer.from('a class, or anything else'.repeat(20));

    it('reads deflated and stored entries by name', () => {
        const jar = zip([
            { name: 'META-INF/MANIFEST.MF', data: Buffer.from('Manifest-Version: 1.0\n') },
            { name: 'p/A.class', data },
            { name: 'p/B.class', data, stored: true }
        ]);

        const entries = zipEntries(jar, 'test.jar');

        expect(entries.map((entry) => entry.name)).toEqual([
            'META-INF/MANIFEST.MF',
            'p/A.class',
            'p/B.class'
        ]);
        expect(entries[1]?.read()).toEqual(data);
        expect(entries[2]?.read()).toEqual(data);
    });

    it('refuses a file that is not a zip', () => {
        expect(() => zipEntries(Buffer.from('not a zip at all, not even close'), 'x.jar')).toThrow(
            /x\.jar: not a zip archive/
        );
    });

    it('refuses an entry that does not inflate, naming it', () => {
        const jar = zip([{ name: 'p/A.class', data }]);
        // The deflated data starts after the 30-byte local header and the 9-byte name.
        jar.fill(0xff, 39, 60);

        const [entry] = zipEntries(jar, 'test.jar');

        expect(() => entry?.read()).toThrow('test.jar!/p/A.class: the entry does not inflate.');
    });

    it('refuses a central directory that is cut short', () => {
        const jar = zip([{ name: 'p/A.class', data }]);
        const end = jar.length - 22;
        jar.writeUInt32LE(jar.readUInt32LE(end + 16) + 3, end + 16);

        expect(() => zipEntries(jar, 'test.jar')).toThrow(/central directory is damaged/);
    });
});

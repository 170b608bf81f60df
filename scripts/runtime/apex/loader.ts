import { ApexGrammar, optional } from '../../project/apex';
import { ApexCompileError, UnsupportedError } from './errors';
import { addExceptionConstructors } from './platform/exceptions';
import { T } from './types';
import {
    ApexClass,
    type ApexType,
    type ClassKind,
    EnumValue,
    type FieldInfo,
    type MethodInfo,
    type SourcePlace,
    type Visibility
} from './model';

type Modifiers = readonly ApexGrammar.ModifierContext[];

/** Resolves a type reference written in a class (its inner classes first). */
export type TypeResolver = (typeRef: ApexGrammar.TypeRefContext, context: ApexClass) => ApexType;

/** What the modifiers of a declaration say. */
interface ModifierFacts {
    readonly isStatic: boolean;
    readonly isFinal: boolean;
    readonly isAbstract: boolean;
    readonly isVirtual: boolean;
    readonly isOverride: boolean;
    readonly visibility: Visibility;
    readonly sharing: ApexClass['sharing'];
    readonly annotations: ReadonlySet<string>;
}

function modifierFacts(modifiers: Modifiers): ModifierFacts {
    const words = new Set<string>();
    const annotations = new Set<string>();
    for (const modifier of modifiers) {
        const annotation = optional(modifier.annotation());
        if (annotation) {
            const name = annotation.id().getText().toLowerCase();
            annotations.add(name);
            // Its parameters as `name.parameter=value`: `istest.seealldata=true`.
            for (const pair of optional(annotation.elementValuePairs())?.elementValuePair_list() ??
                []) {
                annotations.add(
                    `${name}.${pair.id().getText()}=${pair.elementValue().getText()}`.toLowerCase()
                );
            }
        } else {
            words.add(modifier.getText().toLowerCase());
        }
    }
    if (words.has('testmethod')) {
        // The testMethod keyword is the older spelling of @IsTest (DG "Unit Test Methods").
        annotations.add('istest');
    }
    const visibility: Visibility = words.has('global')
        ? 'global'
        : words.has('public')
          ? 'public'
          : words.has('protected')
            ? 'protected'
            : 'private';
    return {
        isStatic: words.has('static'),
        isFinal: words.has('final'),
        isAbstract: words.has('abstract'),
        isVirtual: words.has('virtual'),
        isOverride: words.has('override'),
        visibility,
        sharing: words.has('withsharing')
            ? 'with'
            : words.has('withoutsharing')
              ? 'without'
              : words.has('inheritedsharing')
                ? 'inherited'
                : undefined,
        annotations
    };
}

/**
 * Runs part of a class's loading; what the embedded org does not support, or a type it cannot
 * resolve, makes the class (and the classes inside it) unavailable instead of stopping every
 * other class from loading: a test that uses it reports the error with its file and line.
 */
function unsupportedAs(cls: ApexClass, load: () => void): void {
    try {
        load();
    } catch (error: unknown) {
        if (!(error instanceof UnsupportedError || error instanceof ApexCompileError)) {
            throw error;
        }
        const mark = (target: ApexClass): void => {
            target.unavailable ??= error;
            target.inner.forEach(mark);
        };
        mark(cls.outer ?? cls);
    }
}

const placeOf = (file: string, context: ApexGrammar.ApexParserRuleContext): SourcePlace => ({
    file,
    line: context.start.line
});

/** A class's declaration, read in two passes: names first, then members (which need types). */
interface Declared {
    readonly cls: ApexClass;
    readonly body: ApexGrammar.ClassBodyContext | undefined;
    readonly interfaceBody: ApexGrammar.InterfaceBodyContext | undefined;
    readonly superRef: ApexGrammar.TypeRefContext | undefined;
    readonly interfaceRefs: readonly ApexGrammar.TypeRefContext[];
    readonly file: string;
}

/**
 * Reads the classes of a file into ApexClass models. `declare` creates the class and its inner
 * classes (so that types can name one another); `complete` then reads supertypes and members
 * with the resolver.
 */
export class ClassLoader {
    private readonly pending: Declared[] = [];

    public declare(tree: ApexGrammar.CompilationUnitContext, file: string): ApexClass | undefined {
        const declaration = optional(tree.typeDeclaration());
        if (!declaration) {
            return undefined;
        }
        return this.declareType(
            declaration.modifier_list(),
            optional(declaration.classDeclaration()),
            optional(declaration.interfaceDeclaration()),
            optional(declaration.enumDeclaration()),
            file,
            undefined
        );
    }

    private declareType(
        modifiers: Modifiers,
        classDeclaration: ApexGrammar.ClassDeclarationContext | undefined,
        interfaceDeclaration: ApexGrammar.InterfaceDeclarationContext | undefined,
        enumDeclaration: ApexGrammar.EnumDeclarationContext | undefined,
        file: string,
        outer: ApexClass | undefined
    ): ApexClass {
        const facts = modifierFacts(modifiers);
        const context = classDeclaration ?? interfaceDeclaration ?? enumDeclaration;
        if (!context) {
            throw new ApexCompileError({ file, line: 0 }, 'a type declaration without a body');
        }
        const kind: ClassKind = classDeclaration
            ? 'class'
            : interfaceDeclaration
              ? 'interface'
              : 'enum';
        const simple = context.id().getText();
        const cls = new ApexClass(
            outer ? `${outer.name}.${simple}` : simple,
            kind,
            placeOf(file, context),
            outer
        );
        cls.isAbstract = facts.isAbstract || kind === 'interface';
        cls.isVirtual = facts.isVirtual;
        cls.sharing = facts.sharing;
        facts.annotations.forEach((annotation) => cls.annotations.add(annotation));
        if (outer) {
            outer.inner.set(simple.toLowerCase(), cls);
        }
        if (enumDeclaration) {
            const constants = optional(enumDeclaration.enumConstants())?.id_list() ?? [];
            constants.forEach((constant, ordinal) => {
                cls.enumValues.push(new EnumValue(cls, constant.getText(), ordinal));
            });
            return cls;
        }
        const body = classDeclaration ? optional(classDeclaration.classBody()) : undefined;
        const interfaceBody = interfaceDeclaration
            ? optional(interfaceDeclaration.interfaceBody())
            : undefined;
        this.pending.push({
            cls,
            body,
            interfaceBody,
            superRef: classDeclaration ? optional(classDeclaration.typeRef()) : undefined,
            interfaceRefs: classDeclaration
                ? (optional(classDeclaration.typeList())?.typeRef_list() ?? [])
                : (optional(interfaceDeclaration?.typeList())?.typeRef_list() ?? []),
            file
        });
        for (const member of body?.classBodyDeclaration_list() ?? []) {
            const declaration = optional(member.memberDeclaration());
            const innerClass = optional(declaration?.classDeclaration());
            const innerInterface = optional(declaration?.interfaceDeclaration());
            const innerEnum = optional(declaration?.enumDeclaration());
            if (innerClass || innerInterface || innerEnum) {
                this.declareType(
                    member.modifier_list(),
                    innerClass,
                    innerInterface,
                    innerEnum,
                    file,
                    cls
                );
            }
        }
        return cls;
    }

    /**
     * Reads every declared class's supertypes, then its members, superclasses before their
     * subclasses (an instance's slots start with its superclass's fields).
     */
    public complete(resolve: TypeResolver, exception: ApexClass): void {
        for (const declared of this.pending) {
            unsupportedAs(declared.cls, () => {
                this.readHeader(declared, resolve);
            });
        }
        const done = new Set<ApexClass>();
        const completeOne = (declared: Declared): void => {
            if (done.has(declared.cls)) {
                return;
            }
            done.add(declared.cls);
            const parent = this.pending.find(
                (candidate) => candidate.cls === declared.cls.superclass
            );
            if (parent) {
                completeOne(parent);
            }
            const unavailable = declared.cls.superclass?.unavailable;
            if (unavailable) {
                declared.cls.unavailable ??= unavailable;
            }
            if (!declared.cls.unavailable) {
                unsupportedAs(declared.cls, () => {
                    this.readMembers(declared, resolve, exception);
                });
            }
        };
        this.pending.forEach(completeOne);
        this.pending.length = 0;
    }

    /** The superclass and interfaces a class declares. */
    private readHeader(declared: Declared, resolve: TypeResolver): void {
        const { cls } = declared;
        if (declared.superRef) {
            const superType = resolve(declared.superRef, cls.outer ?? cls);
            if (superType.kind !== 'class') {
                throw new ApexCompileError(
                    placeOf(declared.file, declared.superRef),
                    `${cls.name} can only extend a class, not ${declared.superRef.getText()}`
                );
            }
            cls.superclass = superType.cls;
        }
        for (const ref of declared.interfaceRefs) {
            const type = resolve(ref, cls.outer ?? cls);
            if (type.kind === 'class') {
                cls.interfaces.push(type.cls);
            } else {
                throw new UnsupportedError(
                    placeOf(declared.file, ref),
                    `implementing the platform interface ${ref.getText()}`
                );
            }
        }
    }

    private readMembers(declared: Declared, resolve: TypeResolver, exception: ApexClass): void {
        const { cls, file } = declared;
        const superclass = cls.superclass;
        if (superclass) {
            cls.instanceFields.push(...superclass.instanceFields);
        }
        for (const method of declared.interfaceBody?.interfaceMethodDeclaration_list() ?? []) {
            const facts = modifierFacts(method.modifier_list());
            cls.addMethod({
                name: method.id().getText(),
                parameters: this.parameters(method.formalParameters(), cls, resolve),
                returnType: optional(method.typeRef()) ? resolve(method.typeRef(), cls) : T.void,
                isStatic: false,
                isAbstract: true,
                isVirtual: true,
                isOverride: false,
                visibility: facts.visibility === 'private' ? 'public' : facts.visibility,
                annotations: facts.annotations,
                declaringClass: cls,
                place: placeOf(file, method)
            });
        }
        for (const member of declared.body?.classBodyDeclaration_list() ?? []) {
            const block = optional(member.block());
            if (block) {
                (optional(member.STATIC()) ? cls.staticBlocks : cls.instanceBlocks).push(block);
                continue;
            }
            const declaration = optional(member.memberDeclaration());
            if (!declaration) {
                continue;
            }
            const facts = modifierFacts(member.modifier_list());
            const method = optional(declaration.methodDeclaration());
            const constructor = optional(declaration.constructorDeclaration());
            const field = optional(declaration.fieldDeclaration());
            const property = optional(declaration.propertyDeclaration());
            if (method) {
                const info: MethodInfo = {
                    name: method.id().getText(),
                    parameters: this.parameters(method.formalParameters(), cls, resolve),
                    returnType: optional(method.typeRef())
                        ? resolve(method.typeRef(), cls)
                        : T.void,
                    isStatic: facts.isStatic,
                    isAbstract: facts.isAbstract,
                    isVirtual: facts.isVirtual || facts.isAbstract || facts.isOverride,
                    isOverride: facts.isOverride,
                    visibility: facts.visibility,
                    annotations: facts.annotations,
                    declaringClass: cls,
                    ...(optional(method.block()) ? { body: method.block() } : {}),
                    place: placeOf(file, method)
                };
                cls.addMethod(info);
            } else if (constructor) {
                cls.constructors.push({
                    name: cls.simpleName,
                    parameters: this.parameters(constructor.formalParameters(), cls, resolve),
                    returnType: T.void,
                    isStatic: false,
                    isAbstract: false,
                    isVirtual: false,
                    isOverride: false,
                    visibility: facts.visibility,
                    annotations: facts.annotations,
                    declaringClass: cls,
                    body: constructor.block(),
                    place: placeOf(file, constructor)
                });
            } else if (field) {
                const type = resolve(field.typeRef(), cls);
                for (const declarator of field.variableDeclarators().variableDeclarator_list()) {
                    this.addField(cls, facts, {
                        name: declarator.id().getText(),
                        type,
                        initializer: optional(declarator.expression()),
                        place: placeOf(file, declarator)
                    });
                }
            } else if (property) {
                const accessors: {
                    getter?: { body?: ApexGrammar.BlockContext };
                    setter?: { body?: ApexGrammar.BlockContext };
                } = {};
                for (const part of property.propertyBlock_list()) {
                    const getter = optional(part.getter());
                    const setter = optional(part.setter());
                    if (getter) {
                        const body = optional(getter.block());
                        accessors.getter = body ? { body } : {};
                    }
                    if (setter) {
                        const body = optional(setter.block());
                        accessors.setter = body ? { body } : {};
                    }
                }
                this.addField(cls, facts, {
                    name: property.id().getText(),
                    type: resolve(property.typeRef(), cls),
                    initializer: undefined,
                    place: placeOf(file, property),
                    property: accessors
                });
            }
        }
        if (cls.isException && !cls.builtin && cls.constructors.length === 0) {
            addExceptionConstructors(cls, exception);
        }
    }

    private addField(
        cls: ApexClass,
        facts: ModifierFacts,
        field: {
            name: string;
            type: ApexType;
            initializer: ApexGrammar.ExpressionContext | undefined;
            place: SourcePlace;
            property?: FieldInfo['property'];
        }
    ): void {
        const list = facts.isStatic ? cls.staticFields : cls.instanceFields;
        list.push({
            name: field.name,
            type: field.type,
            isStatic: facts.isStatic,
            isFinal: facts.isFinal,
            visibility: facts.visibility,
            declaringClass: cls,
            slot: list.length,
            ...(field.initializer ? { initializer: field.initializer } : {}),
            ...(field.property ? { property: field.property } : {}),
            place: field.place
        });
    }

    private parameters(
        formal: ApexGrammar.FormalParametersContext,
        cls: ApexClass,
        resolve: TypeResolver
    ): { name: string; type: ApexType }[] {
        return (optional(formal.formalParameterList())?.formalParameter_list() ?? []).map(
            (parameter) => ({
                name: parameter.id().getText(),
                type: resolve(parameter.typeRef(), cls)
            })
        );
    }
}

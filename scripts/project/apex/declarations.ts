import {
    AnnotationContext,
    ClassDeclarationContext,
    ConstructorDeclarationContext,
    EnumDeclarationContext,
    FieldDeclarationContext,
    InterfaceDeclarationContext,
    MethodDeclarationContext,
    PropertyDeclarationContext,
    type ApexParseTree,
    type CompilationUnitContext,
    type FormalParametersContext,
    type GetterContext,
    type InterfaceMethodDeclarationContext,
    type ModifierContext,
    type PropertyBlockContext,
    type SetterContext,
    type TriggerUnitContext,
    type TypeListContext
} from './grammar';
import { childrenOf, nameOf, optional, sourceOf, wordsOf } from './tree';
import type {
    ApexAccessor,
    ApexAnnotation,
    ApexConstructor,
    ApexField,
    ApexMembers,
    ApexMethod,
    ApexModifiers,
    ApexParameter,
    ApexProperty,
    ApexTrigger,
    ApexTypeDeclaration
} from './types';

type Members = { -readonly [K in keyof ApexMembers]: ApexMembers[K][number][] };

/** The class, interface or enum a class file declares (none when a syntax error lost it). */
export function fileTypes(unit: CompilationUnitContext): ApexTypeDeclaration[] {
    const declaration = optional(unit.typeDeclaration());
    if (!declaration) {
        return [];
    }
    const members = emptyMembers();
    const type =
        optional(declaration.classDeclaration()) ??
        optional(declaration.interfaceDeclaration()) ??
        optional(declaration.enumDeclaration());
    addMember(members, type, declaration.modifier_list());
    return members.types;
}

/** A trigger's name, object and events, and the members its body declares. */
export function triggerOf(unit: TriggerUnitContext): ApexTrigger {
    const [name, object] = unit.id_list();
    const members = emptyMembers();
    for (const member of optional(unit.triggerBlock())?.triggerBlockMember_list() ?? []) {
        const declaration = optional(member.triggerMemberDeclaration());
        if (declaration) {
            addMember(members, childrenOf(declaration)[0], member.modifier_list());
        }
    }
    return {
        ...nameOf(name),
        object: nameOf(object),
        events: unit.triggerCase_list().map(wordsOf),
        ...members
    };
}

function emptyMembers(): Members {
    return { fields: [], properties: [], methods: [], constructors: [], types: [] };
}

/** Adds a member declaration (a class body's, a trigger's) with the modifiers before it. */
function addMember(
    members: Members,
    declaration: ApexParseTree | undefined,
    modifierContexts: readonly ModifierContext[]
): void {
    const modifiers = modifiersOf(modifierContexts);
    if (declaration instanceof ClassDeclarationContext) {
        members.types.push(classOf(declaration, modifiers));
    } else if (declaration instanceof InterfaceDeclarationContext) {
        members.types.push(interfaceOf(declaration, modifiers));
    } else if (declaration instanceof EnumDeclarationContext) {
        members.types.push(enumOf(declaration, modifiers));
    } else if (declaration instanceof MethodDeclarationContext) {
        members.methods.push({
            ...nameOf(declaration.id()),
            ...modifiers,
            returnType: optional(declaration.VOID())?.getText() ?? sourceOf(declaration.typeRef()),
            parameters: parametersOf(declaration.formalParameters()),
            hasBody: optional(declaration.block()) !== undefined
        });
    } else if (declaration instanceof ConstructorDeclarationContext) {
        members.constructors.push(constructorOf(declaration, modifiers));
    } else if (declaration instanceof PropertyDeclarationContext) {
        members.properties.push(propertyOf(declaration, modifiers));
    } else if (declaration instanceof FieldDeclarationContext) {
        members.fields.push(...fieldsOf(declaration, modifiers));
    }
}

function classOf(context: ClassDeclarationContext, modifiers: ApexModifiers): ApexTypeDeclaration {
    const members = emptyMembers();
    for (const declaration of optional(context.classBody())?.classBodyDeclaration_list() ?? []) {
        const member = optional(declaration.memberDeclaration());
        if (member) {
            addMember(members, childrenOf(member)[0], declaration.modifier_list());
        }
    }
    const superclass = optional(context.typeRef());
    return {
        kind: 'class',
        ...nameOf(context.id()),
        ...modifiers,
        extends: superclass ? [sourceOf(superclass)] : [],
        implements: typesOf(context.typeList()),
        values: [],
        ...members
    };
}

function interfaceOf(
    context: InterfaceDeclarationContext,
    modifiers: ApexModifiers
): ApexTypeDeclaration {
    const methods = (
        optional(context.interfaceBody())?.interfaceMethodDeclaration_list() ?? []
    ).map(interfaceMethodOf);
    return {
        kind: 'interface',
        ...nameOf(context.id()),
        ...modifiers,
        extends: typesOf(context.typeList()),
        implements: [],
        values: [],
        ...emptyMembers(),
        methods
    };
}

function interfaceMethodOf(context: InterfaceMethodDeclarationContext): ApexMethod {
    return {
        ...nameOf(context.id()),
        ...modifiersOf(context.modifier_list()),
        returnType: optional(context.VOID())?.getText() ?? sourceOf(context.typeRef()),
        parameters: parametersOf(context.formalParameters()),
        hasBody: false
    };
}

function enumOf(context: EnumDeclarationContext, modifiers: ApexModifiers): ApexTypeDeclaration {
    return {
        kind: 'enum',
        ...nameOf(context.id()),
        ...modifiers,
        extends: [],
        implements: [],
        values: (optional(context.enumConstants())?.id_list() ?? []).map((id) => nameOf(id)),
        ...emptyMembers()
    };
}

function constructorOf(
    context: ConstructorDeclarationContext,
    modifiers: ApexModifiers
): ApexConstructor {
    return {
        ...nameOf(context.qualifiedName()),
        ...modifiers,
        parameters: parametersOf(context.formalParameters())
    };
}

function propertyOf(context: PropertyDeclarationContext, modifiers: ApexModifiers): ApexProperty {
    const blocks = context.propertyBlock_list();
    const getter = blocks.find((block) => optional(block.getter()) !== undefined);
    const setter = blocks.find((block) => optional(block.setter()) !== undefined);
    return {
        ...nameOf(context.id()),
        ...modifiers,
        type: sourceOf(context.typeRef()),
        ...(getter ? { getter: accessorOf(getter, getter.getter()) } : {}),
        ...(setter ? { setter: accessorOf(setter, setter.setter()) } : {})
    };
}

function accessorOf(
    block: PropertyBlockContext,
    accessor: GetterContext | SetterContext
): ApexAccessor {
    return {
        modifiers: modifiersOf(block.modifier_list()).modifiers,
        hasBody: optional(accessor.block()) !== undefined
    };
}

function fieldsOf(context: FieldDeclarationContext, modifiers: ApexModifiers): ApexField[] {
    const type = sourceOf(context.typeRef());
    return (optional(context.variableDeclarators())?.variableDeclarator_list() ?? []).map(
        (declarator) => ({ ...nameOf(declarator.id()), ...modifiers, type })
    );
}

function parametersOf(context: FormalParametersContext | null | undefined): ApexParameter[] {
    return (optional(context?.formalParameterList())?.formalParameter_list() ?? []).map(
        (parameter) => ({
            ...nameOf(parameter.id()),
            ...modifiersOf(parameter.modifier_list()),
            type: sourceOf(parameter.typeRef())
        })
    );
}

function typesOf(context: TypeListContext | null | undefined): string[] {
    return (optional(context)?.typeRef_list() ?? []).map((type) => sourceOf(type));
}

function modifiersOf(contexts: readonly ModifierContext[]): ApexModifiers {
    const modifiers: string[] = [];
    const annotations: ApexAnnotation[] = [];
    for (const context of contexts) {
        const annotation = optional(context.annotation());
        if (annotation) {
            annotations.push(annotationOf(annotation));
        } else {
            modifiers.push(wordsOf(context));
        }
    }
    return { modifiers, annotations };
}

function annotationOf(context: AnnotationContext): ApexAnnotation {
    const value = optional(context.elementValue());
    return {
        ...nameOf(context.id()),
        parameters: (optional(context.elementValuePairs())?.elementValuePair_list() ?? []).map(
            (pair) => ({ name: nameOf(pair.id()).name, value: sourceOf(pair.elementValue()) })
        ),
        ...(value ? { value: sourceOf(value) } : {})
    };
}

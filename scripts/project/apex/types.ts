import type { CompilationUnitContext, QueryContext, TriggerUnitContext } from './grammar';

/**
 * A place in an Apex file: `line` from 1, `column` from 1, counted in characters (Unicode code
 * points, as the parser counts them).
 */
export interface SourcePosition {
    readonly line: number;
    readonly column: number;
}

/** A name as the source writes it (Apex compares names case-insensitively), and where. */
export interface ApexName extends SourcePosition {
    readonly name: string;
}

/** A syntax error the parser recovered from; the tree still holds what it could read. */
export interface ApexSyntaxError extends SourcePosition {
    readonly message: string;
}

interface ParsedApexFile {
    /** The path the text was read from, as given to `parseApex`. */
    readonly file: string;
    readonly text: string;
    readonly syntaxErrors: readonly ApexSyntaxError[];
}

/** A class (`.cls`): the tree of the grammar's `compilationUnit` rule. */
export interface ParsedApexClass extends ParsedApexFile {
    readonly kind: 'class';
    readonly tree: CompilationUnitContext;
}

/** A trigger (`.trigger`): the tree of the grammar's `triggerUnit` rule. */
export interface ParsedApexTrigger extends ParsedApexFile {
    readonly kind: 'trigger';
    readonly tree: TriggerUnitContext;
}

export type ParsedApex = ParsedApexClass | ParsedApexTrigger;

/** A SOQL query's text parsed on its own: the tree of the grammar's `query` rule. */
export interface ParsedSoql {
    readonly text: string;
    readonly tree: QueryContext;
    /** Positions in `text`. */
    readonly syntaxErrors: readonly ApexSyntaxError[];
}

/**
 * An annotation: `@AuraEnabled(cacheable=true)` has the parameter `cacheable` = `true`,
 * `@SuppressWarnings('PMD.X')` the single value `'PMD.X'`. Values are literals as written.
 */
export interface ApexAnnotation extends ApexName {
    readonly parameters: readonly ApexAnnotationParameter[];
    readonly value?: string;
}

export interface ApexAnnotationParameter {
    readonly name: string;
    readonly value: string;
}

/**
 * What a declaration says of itself: its keyword modifiers as written (`public`, `static`,
 * `with sharing`; compare them case-insensitively), and its annotations.
 */
export interface ApexModifiers {
    readonly modifiers: readonly string[];
    readonly annotations: readonly ApexAnnotation[];
}

/** A field; `Integer a, b = 2;` declares two. `type` is the type as written (`Map<Id, User>`). */
export interface ApexField extends ApexName, ApexModifiers {
    readonly type: string;
}

/** A property, `public String name { get; private set; }`. */
export interface ApexProperty extends ApexName, ApexModifiers {
    readonly type: string;
    readonly getter?: ApexAccessor;
    readonly setter?: ApexAccessor;
}

/** A property's `get` or `set`: its own modifiers, and whether it has a body or is automatic. */
export interface ApexAccessor {
    readonly modifiers: readonly string[];
    readonly hasBody: boolean;
}

export interface ApexParameter extends ApexName, ApexModifiers {
    readonly type: string;
}

/** A method; `returnType` is `void` or the type as written; interface methods have no body. */
export interface ApexMethod extends ApexName, ApexModifiers {
    readonly returnType: string;
    readonly parameters: readonly ApexParameter[];
    readonly hasBody: boolean;
}

export interface ApexConstructor extends ApexName, ApexModifiers {
    readonly parameters: readonly ApexParameter[];
}

/** The members a class (or a trigger's body) declares, in source order per kind. */
export interface ApexMembers {
    readonly fields: readonly ApexField[];
    readonly properties: readonly ApexProperty[];
    readonly methods: readonly ApexMethod[];
    readonly constructors: readonly ApexConstructor[];
    /** Inner classes, interfaces and enums. */
    readonly types: readonly ApexTypeDeclaration[];
}

/**
 * A class, an interface or an enum, at the top of its file or inside another class. `extends`
 * is the superclass of a class (at most one) or the interfaces an interface extends; types are
 * as written. `values` are an enum's constants. The position is its name's.
 */
export interface ApexTypeDeclaration extends ApexName, ApexModifiers, ApexMembers {
    readonly kind: 'class' | 'interface' | 'enum';
    readonly extends: readonly string[];
    readonly implements: readonly string[];
    readonly values: readonly ApexName[];
}

/** A trigger: `trigger LinkTrigger on Link__c (before insert, after update)`. */
export interface ApexTrigger extends ApexName, ApexMembers {
    readonly object: ApexName;
    /** As written, one space between the words: `before insert`. */
    readonly events: readonly string[];
}

/** The clause of a query a field is named in. */
export type SoqlClause = 'select' | 'where' | 'groupBy' | 'having' | 'orderBy';

/**
 * A field a query names: `Email`, a relationship path such as `Owner.Name` (dots, no spaces),
 * or the argument of a function such as `toLabel(Status__c)` or `CALENDAR_YEAR(CreatedDate)`.
 */
export interface SoqlField extends ApexName {
    readonly clause: SoqlClause;
}

/** An Apex expression bound into a query, `:expression`, as written (spaces collapsed). */
export interface SoqlBind extends SourcePosition {
    readonly expression: string;
}

/** An ORDER BY entry: the field (`Owner.Name`) or the function (`MAX(CreatedDate)`) as written. */
export interface SoqlOrdering {
    readonly expression: string;
    readonly direction?: 'ASC' | 'DESC';
    readonly nulls?: 'FIRST' | 'LAST';
}

/**
 * What a SELECT reads; its position is the SELECT keyword's. `from` is the object, or for a
 * child subquery the relationship name (`Contacts`). `fields` and `binds` are this SELECT's own:
 * a subquery's are in `subqueries`.
 */
export interface SoqlSelect extends SourcePosition {
    readonly from: ApexName;
    /**
     * The FROM clause's aliases, in lower case, each with the path it stands for: `''` for the
     * queried object (`FROM Contact c`: `c.Name` is `Name`), `Account` for a relationship named
     * in FROM (`FROM Contact c, c.Account a`: `a.Name` is `Account.Name`). SOQL and SOSL
     * Reference, "Using Aliases with SOQL".
     */
    readonly aliases: readonly SoqlAlias[];
    readonly fields: readonly SoqlField[];
    readonly binds: readonly SoqlBind[];
    readonly orderBy: readonly SoqlOrdering[];
    readonly subqueries: readonly SoqlSubquery[];
}

/** An alias of a FROM clause and the field path it stands for. */
export interface SoqlAlias {
    readonly alias: string;
    readonly path: string;
}

/**
 * A nested SELECT: in the SELECT list, a child relationship (`(SELECT Subject FROM Tasks)`); in
 * WHERE, a semi-join or anti-join (`Id IN (SELECT UserId FROM Other__c)`), whose `from` is an
 * object.
 */
export interface SoqlSubquery extends SoqlSelect {
    readonly kind: 'relationship' | 'semi-join';
}

/**
 * A query of the file: `inline` in brackets, or `dynamic`, a string literal passed to a
 * `Database` method (`Database.query('SELECT ...')`); the positions of a dynamic query are in
 * the file, inside the literal. A query built at run time is not read.
 */
export interface SoqlQuery extends SoqlSelect {
    readonly kind: 'inline' | 'dynamic';
    /** For a dynamic query, the Database method it is passed to, as written. */
    readonly method?: string;
    /** `WITH USER_MODE`, `WITH SYSTEM_MODE` or `WITH SECURITY_ENFORCED`. */
    readonly accessMode?: 'USER_MODE' | 'SYSTEM_MODE' | 'SECURITY_ENFORCED';
    /** `FOR VIEW`, `FOR REFERENCE`, `FOR UPDATE`, in order. */
    readonly forClauses: readonly ('VIEW' | 'REFERENCE' | 'UPDATE')[];
    /** Syntax errors in a dynamic query's text (an inline query's are the file's). */
    readonly syntaxErrors: readonly ApexSyntaxError[];
}

/**
 * A static reference to a field: `User.Calendly_Link__c`, `Schema.User.X__c`,
 * `SObjectType.Link__c.fields.Url__c`, `Schema.SObjectType.Link__c.fields.Url__c`, or an
 * `upsert` statement's external ID field. Without a qualifier the same form is also a variable's
 * field (`link.Url__c`): only the type's own spelling makes it a type.
 */
export interface FieldReference {
    readonly object: ApexName;
    readonly field: ApexName;
    /** Written with `Schema.` or `SObjectType.`: surely a type, not a variable of the same name. */
    readonly qualified: boolean;
}

/**
 * A custom label: `System.Label.X`, or `Label.X` (`qualified` false: a variable named `label`
 * would shadow it). `namespace` for `Label.ns.X`.
 */
export interface LabelReference extends ApexName {
    readonly namespace?: string;
    readonly qualified: boolean;
}

/** What a class or trigger declares and names, read from its tree. */
export interface ApexOutline {
    /** The class, interface or enum of a class file; a trigger's inner classes are in `trigger`. */
    readonly types: readonly ApexTypeDeclaration[];
    readonly trigger?: ApexTrigger;
    readonly queries: readonly SoqlQuery[];
    readonly fieldReferences: readonly FieldReference[];
    readonly labels: readonly LabelReference[];
}

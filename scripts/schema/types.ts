/** A value type as the Metadata API schema declares it. */
export type ValueType =
    | { readonly kind: 'primitive'; readonly name: 'string' | 'number' | 'boolean' | 'date' }
    | { readonly kind: 'enum'; readonly name: string; readonly values: readonly string[] }
    | { readonly kind: 'complex'; readonly name: string };

/** One child element of a complex type, in schema order. */
export interface ElementSchema {
    readonly name: string;
    readonly type: ValueType;
    /** Repeated element (`maxOccurs="unbounded"`). */
    readonly repeated: boolean;
    /** Must appear at least once (`minOccurs="1"`). Repeated elements are never required. */
    readonly required: boolean;
}

export interface ComplexTypeSchema {
    readonly name: string;
    /** Every child element, inherited ones first, in the order the Metadata API expects them. */
    readonly elements: readonly ElementSchema[];
    /** True when the type extends `Metadata` and so can be the root of a metadata file. */
    readonly isMetadata: boolean;
}

import { ObjectValue, TypeValue, type Value } from '../model';
import type { CallSite, PlatformClass } from '../services';
import { sameType, T, typeName } from '../types';
import { method, required } from './define';
import { refuse } from './refuse';

/**
 * System.Type (RG "Type Class"): the value of `MyClass.class`, its name, the type a name
 * stands for, and new instances of a class. Types of the platform other than the primitives,
 * collections and sObjects give their names only.
 */

const typeOf = (value: Value): TypeValue => value as TypeValue;

/** A class of the project that `Type.newInstance()` can make: one with a no-argument constructor. */
function newInstance(value: Value, site: CallSite): ObjectValue {
    const type = typeOf(value).type;
    if (type.kind !== 'class' || type.cls.kind !== 'class' || type.cls.isAbstract) {
        // RG: newInstance "creates an instance of the current type" of a class.
        return refuse(site, `Type.newInstance() of ${typeName(type)}`);
    }
    const constructor = type.cls.constructors.find(
        (candidate) => candidate.parameters.length === 0
    );
    if (type.cls.constructors.length > 0 && !constructor) {
        // [verify in an org: the exception for a class without a no-argument constructor]
        return refuse(
            site,
            `Type.newInstance() of ${type.cls.name}, which has no constructor without arguments`
        );
    }
    return site.vm.instantiate(type.cls, constructor, []);
}

export const typeClass: PlatformClass = {
    name: 'System.Type',
    names: ['type', 'system.type'],
    staticMethods: [
        // "Returns the type that corresponds to the specified fully qualified class name", or
        // null when there is none (RG "Type Class", forName).
        method('forName', [T.string], T.platform('System.Type'), (_self, [name = null], site) => {
            const text = required(name, site) as string;
            const type = site.vm.findType(text.split('.'), undefined);
            return type ? new TypeValue(type) : null;
        })
    ],
    instanceMethods: [
        // The name as Apex writes it, with the outer class of an inner one (RG getName).
        method('getName', [], T.string, (self) => typeName(typeOf(self).type)),
        method('toString', [], T.string, (self) => typeName(typeOf(self).type)),
        method('equals', [T.object], T.boolean, (self, [other = null]) =>
            other instanceof TypeValue ? sameType(typeOf(self).type, other.type) : false
        ),
        method('newInstance', [], T.object, (self, _args, site) => newInstance(self, site)),
        // "Returns true if an object reference of the specified type can be assigned from the
        // child type" (RG isAssignableFrom).
        method(
            'isAssignableFrom',
            [T.platform('System.Type')],
            T.boolean,
            (self, [other = null], site) => {
                const target = typeOf(self).type;
                const source = typeOf(required(other, site)).type;
                if (target.kind === 'class' && source.kind === 'class') {
                    return source.cls.isSubtypeOf(target.cls);
                }
                return sameType(target, source) || sameType(target, T.object);
            }
        )
    ]
};

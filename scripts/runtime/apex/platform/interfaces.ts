import { ApexClass, type ApexType } from '../model';
import { T } from '../types';

const PLATFORM = { file: '(platform)', line: 0 };

interface InterfaceMethod {
    readonly name: string;
    readonly parameters: readonly ApexType[];
    readonly returns: ApexType;
}

/**
 * The platform interfaces a class of the project implements (RG, each interface's page), with
 * the methods the platform calls on it. Marker interfaces have none: Database.AllowsCallouts
 * lets a queueable call out, Database.Stateful keeps a batch's state.
 */
const INTERFACES: Readonly<Record<string, readonly InterfaceMethod[]>> = {
    'System.HttpCalloutMock': [
        {
            name: 'respond',
            parameters: [T.platform('System.HttpRequest')],
            returns: T.platform('System.HttpResponse')
        }
    ],
    'System.Queueable': [
        { name: 'execute', parameters: [T.platform('System.QueueableContext')], returns: T.void }
    ],
    'System.Schedulable': [
        {
            name: 'execute',
            parameters: [T.platform('System.SchedulableContext')],
            returns: T.void
        }
    ],
    'System.Finalizer': [
        { name: 'execute', parameters: [T.platform('System.FinalizerContext')], returns: T.void }
    ],
    'System.InstallHandler': [
        { name: 'onInstall', parameters: [T.platform('System.InstallContext')], returns: T.void }
    ],
    'System.Comparable': [{ name: 'compareTo', parameters: [T.object], returns: T.integer }],
    'Database.AllowsCallouts': [],
    'Database.Stateful': []
};

/** The platform interfaces, by simple and by qualified name in lower case. */
export function createPlatformInterfaces(): Map<string, ApexClass> {
    const byName = new Map<string, ApexClass>();
    for (const [name, methods] of Object.entries(INTERFACES)) {
        const cls = new ApexClass(name, 'interface', PLATFORM, undefined, true);
        for (const method of methods) {
            cls.addMethod({
                name: method.name,
                parameters: method.parameters.map((type, index) => ({ name: `p${index}`, type })),
                returnType: method.returns,
                isStatic: false,
                isAbstract: true,
                isVirtual: true,
                isOverride: false,
                visibility: 'global',
                annotations: new Set(),
                declaringClass: cls,
                place: PLATFORM
            });
        }
        byName.set(name.toLowerCase(), cls);
        if (name.startsWith('System.')) {
            byName.set(name.slice('System.'.length).toLowerCase(), cls);
        }
    }
    return byName;
}

import { readdirSync } from 'node:fs';
import path from 'node:path';
import replace from '@rollup/plugin-replace';
import { rollup, type Plugin, type RollupLog } from 'rollup';
import { INTEGRATION_LABELS } from '../metadata/labels';

/** The package's components, compiled as they ship. */
const COMPONENTS_DIR = 'force-app/main/default/lwc';
const APP_DIR = path.join(__dirname, 'app');
const APEX = path.join(APP_DIR, 'apex.js');
const CONTROLLER = '@salesforce/apex/CalendlySyncController.';
const CUSTOM_LABEL = '@salesforce/label/c.';
/** The user's locale and time zone as the org would give them: those of a US admin. */
const I18N: Readonly<Record<string, string>> = {
    '@salesforce/i18n/locale': 'en-US',
    '@salesforce/i18n/timeZone': 'America/Los_Angeles'
};

/**
 * Resolves the platform modules that only an org serves: the components' Apex methods (each to
 * a call to the preview server, where the real controller answers), their Custom Labels (to the
 * text the package ships, from the same definitions that write the CustomLabels metadata) and
 * the user's locale and time zone.
 */
function platformModules(): Plugin {
    const labels: Readonly<Record<string, string>> = INTEGRATION_LABELS;
    return {
        name: 'calendly-platform-modules',
        resolveId(source) {
            if (
                source.startsWith(CONTROLLER) ||
                source.startsWith(CUSTOM_LABEL) ||
                source in I18N
            ) {
                return `\0${source}`;
            }
            return null;
        },
        load(id) {
            if (!id.startsWith('\0')) {
                return null;
            }
            const source = id.slice(1);
            if (source.startsWith(CONTROLLER)) {
                const method = JSON.stringify(source.slice(CONTROLLER.length));
                return [
                    `import { callApex } from ${JSON.stringify(APEX)};`,
                    `export default (args) => callApex(${method}, args);`
                ].join('\n');
            }
            if (source.startsWith(CUSTOM_LABEL)) {
                const name = source.slice(CUSTOM_LABEL.length);
                const text = labels[name];
                if (text === undefined) {
                    this.error(
                        `${source}: no Custom Label ${name} in scripts/metadata/labels.ts. ` +
                            'Add it there (and run npm run generate) or fix the import.'
                    );
                }
                return `export default ${JSON.stringify(text)};`;
            }
            const value = I18N[source];
            return value === undefined ? null : `export default ${JSON.stringify(value)};`;
        }
    };
}

/**
 * One module record per component of the package (`c/<name>`): the folders follow Salesforce's
 * layout, not LWC's `<namespace>/<name>`, so each is named.
 */
function packageComponents(root: string): { name: string; path: string }[] {
    const dir = path.join(root, COMPONENTS_DIR);
    return readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => ({
            name: `c/${entry.name}`,
            path: path.join(dir, entry.name, `${entry.name}.js`)
        }));
}

/**
 * The engine that runs the compiled component, taken from the `lwc` package so that its
 * version is the compiler's. The @lwc/engine-dom found at the top of node_modules is the older
 * one that sfdx-lwc-jest tests with, and must stay so.
 */
function engineModules(): { name: string; path: string }[] {
    const lwcDir = path.dirname(require.resolve('lwc'));
    const from = (name: string): string => require.resolve(name, { paths: [lwcDir] });
    return [
        { name: 'lwc', path: from('@lwc/engine-dom') },
        { name: '@lwc/synthetic-shadow', path: from('@lwc/synthetic-shadow') },
        { name: '@lwc/wire-service', path: from('@lwc/wire-service') }
    ];
}

/**
 * The LWC compiler's warnings on lightning-base-components' own templates (duplicate slots,
 * keys on components), raised on every build: they say nothing about this project.
 */
function isBaseComponentNoise(log: RollupLog): boolean {
    return (log.id ?? '').includes('lightning-base-components');
}

export interface PreviewBundle {
    /** The page's script: the component, the base components it uses, the engine. */
    readonly code: string;
    /** Warnings of the build, base components' noise left out. */
    readonly warnings: readonly string[];
}

/**
 * Compiles the integration component with LWC OSS and lightning-base-components into one
 * browser script, its Apex calls sent to the preview server.
 */
export async function bundlePreview(root: string = process.cwd()): Promise<PreviewBundle> {
    // An ES module only: loaded with import(), which a CommonJS script may use.
    const { default: lwc } = await import('@lwc/rollup-plugin');
    const warnings: string[] = [];
    const bundle = await rollup({
        input: path.join(APP_DIR, 'main.js'),
        onLog(level, log) {
            if (log.code === 'UNRESOLVED_IMPORT') {
                // In an org the import would fail too: name it rather than ship a broken page.
                throw new Error(`Preview build: ${log.message}`);
            }
            if (level === 'warn' && !isBaseComponentNoise(log)) {
                warnings.push(log.message);
            }
        },
        plugins: [
            platformModules(),
            replace({
                preventAssignment: true,
                values: {
                    'process.env.NODE_ENV': JSON.stringify('production'),
                    'import.meta.env.SSR': 'false'
                }
            }),
            lwc({
                rootDir: root,
                enableDynamicComponents: true,
                defaultModules: engineModules(),
                modules: [...packageComponents(root), { npm: 'lightning-base-components' }]
            })
        ]
    });
    try {
        const { output } = await bundle.generate({ format: 'esm', inlineDynamicImports: true });
        const [chunk] = output;
        return { code: chunk.code, warnings };
    } finally {
        await bundle.close();
    }
}

'use strict';
/**
 * Places files as a deploy does, one at a time, with source-deploy-retrieve: resolving a whole
 * folder at once silently skips the files no type claims, which are the ones to report.
 *
 * Plain JavaScript, so that it runs in a worker thread without a TypeScript loader (without
 * tsx's hooks source-deploy-retrieve loads in about half the time): there it loads
 * source-deploy-retrieve once and answers each request. The synchronous project loader
 * requires it in its own thread instead.
 */
const { isMainThread, parentPort, workerData } = require('node:worker_threads');

/**
 * @param {any} sdr source-deploy-retrieve
 * @param {string | undefined} forceIgnore the project's .forceignore
 * @param {readonly string[]} files absolute paths
 */
function resolveFiles(sdr, forceIgnore, files) {
    const ignore = forceIgnore ? new sdr.ForceIgnore(forceIgnore) : undefined;
    const resolver = new sdr.MetadataResolver(undefined, undefined, false);
    /** @type {{ ignored: string[], components: object[], unresolved: object[] }} */
    const result = { ignored: [], components: [], unresolved: [] };
    for (const file of files) {
        if (ignore && ignore.denies(file)) {
            result.ignored.push(file);
            continue;
        }
        try {
            const [component] = resolver.getComponentsFromPath(file);
            if (component) {
                result.components.push({
                    file,
                    type: component.type.name,
                    fullName: component.fullName,
                    xml: component.xml
                });
            } else {
                result.unresolved.push({ file, reason: 'no component' });
            }
        } catch (error) {
            result.unresolved.push({
                file,
                reason: String(error instanceof Error ? error.message : error)
            });
        }
    }
    return result;
}

if (!isMainThread && parentPort) {
    const sdr = require(workerData.sourceDeployRetrieve);
    const port = parentPort;
    port.on('message', ({ id, forceIgnore, files }) => {
        port.postMessage({ id, ...resolveFiles(sdr, forceIgnore, files) });
    });
}

module.exports = { resolveFiles };

import { finding } from '../finding';
import { messages } from '../messages';
import { closestName, flowModels, type FlowModel, metadataSchema } from '../model';
import type { Finding, Rule } from '../types';

const ID = 'flow-connectors';

/**
 * Every connector of a flow (next, fault, default, loop, outcome and scheduled-path connectors)
 * targets an element of the flow, and every element is reachable from the start.
 */
export const flowConnectorsRule: Rule = {
    id: ID,
    description:
        'Every flow connector targets an existing element, and every element is reachable from the start.',
    preload: metadataSchema,
    check(project) {
        const findings: Finding[] = [];
        for (const [file, flow] of project.memo(flowModels)) {
            findings.push(...checkFlow(file, flow));
        }
        return findings;
    }
};

function checkFlow(file: string, flow: FlowModel): Finding[] {
    const findings: Finding[] = [];
    const nodeNames = [...flow.nodes.values()].map((node) => node.name);
    for (const connection of flow.connections) {
        if (!flow.nodes.has(connection.target.toLowerCase())) {
            const text = messages.flow.unknownTarget(
                connection.target,
                closestName(connection.target, nodeNames)
            );
            findings.push(
                finding(ID, 'error', text, { file, line: connection.line, path: connection.path })
            );
        }
    }
    const starts = flow.startTargets();
    if (starts.length === 0) {
        if (flow.nodes.size > 0) {
            findings.push(
                finding(ID, 'error', messages.flow.noStart(), {
                    file,
                    line: flow.start?.line ?? flow.line,
                    path: flow.start ? 'Flow.start' : 'Flow'
                })
            );
        }
        return findings;
    }
    const outgoing = new Map<string, string[]>();
    for (const connection of flow.connections) {
        const from = connection.from.toLowerCase();
        outgoing.set(from, [...(outgoing.get(from) ?? []), connection.target.toLowerCase()]);
    }
    const reached = walk(starts, outgoing, flow);
    const unreachable = [...flow.nodes.keys()].filter((key) => !reached.has(key));
    const ledTo = new Set(
        unreachable.flatMap((key) => (outgoing.get(key) ?? []).filter((target) => target !== key))
    );
    // One finding per unreachable island, at its entry (an element no other unreachable one
    // leads to, else any of a cycle): the elements only it leads to are unreachable with it.
    const entries = [
        ...unreachable.filter((key) => !ledTo.has(key)),
        ...unreachable.filter((key) => ledTo.has(key))
    ];
    for (const key of entries) {
        const node = flow.nodes.get(key);
        if (!node || reached.has(key)) {
            continue;
        }
        walk([key], outgoing, flow).forEach((member) => reached.add(member));
        findings.push(
            finding(ID, 'error', messages.flow.unreachable(node.name), {
                file,
                line: node.nameLine,
                path: node.path
            })
        );
    }
    return findings;
}

/** The nodes reached from the given ones (lower-case names), them included. */
function walk(
    from: readonly string[],
    outgoing: ReadonlyMap<string, string[]>,
    flow: FlowModel
): Set<string> {
    const reached = new Set<string>();
    const queue = from.map((name) => name.toLowerCase());
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        if (!reached.has(next) && flow.nodes.has(next)) {
            reached.add(next);
            queue.push(...(outgoing.get(next) ?? []));
        }
    }
    return reached;
}

import { childText, children, type XmlElement } from '../../xml/parse';
import { childPath } from '../xmlPath';
import { placeOf, present, textOf, valueOf } from './read';
import type { FlowPlace, FlowText, FlowValueModel } from './types';

/** A FlowTest condition: a reference (an element stands for "was executed") against a value. */
export interface FlowTestConditionModel extends FlowPlace {
    readonly leftValueReference?: FlowText;
    readonly operator?: FlowText;
    readonly rightValue?: FlowValueModel;
}

export interface FlowTestAssertionModel extends FlowPlace {
    readonly conditions: readonly FlowTestConditionModel[];
    /** As written. */
    readonly errorMessage?: string;
}

/** An input of a test point: the triggering record (`$Record`, as `sobjectValue` JSON), a scheduled path. */
export interface FlowTestParameterModel extends FlowPlace {
    readonly leftValueReference?: FlowText;
    readonly type?: FlowText;
    readonly value?: FlowValueModel;
}

/** A test point: `Start` with the inputs, `Finish` with the assertions. */
export interface FlowTestPointModel extends FlowPlace {
    readonly elementApiName?: FlowText;
    readonly parameters: readonly FlowTestParameterModel[];
    readonly assertions: readonly FlowTestAssertionModel[];
}

/** The holder of a value with this kind (`sobjectValue`, `elementReference`...), if any. */
export function valueHolder(value: FlowValueModel | undefined, kind: string): FlowText | undefined {
    return value?.holders.find((holder) => holder.kind === kind);
}

/** The test's API name: the file name without the suffix. */
export function flowTestApiName(file: string): string {
    return (file.split('/').pop() ?? file).replace(/\.flowtest-meta\.xml$/, '');
}

/**
 * One FlowTest, read once from its metadata XML (FlowTest): the flow it tests, its test points
 * with their inputs and assertions, each part with its place. The validator checks it against
 * the flow; the embedded org runs it.
 */
export class FlowTestModel {
    /** The test's API name, from its file name. */
    public readonly apiName: string;
    /** The line of `<FlowTest>`. */
    public readonly line: number;
    public readonly flowApiName: FlowText | undefined;
    /** As written. */
    public readonly label: string | undefined;
    public readonly description: string | undefined;
    public readonly testType: string | undefined;
    public readonly testPoints: readonly FlowTestPointModel[];

    /** Reads the FlowTest whose `<FlowTest>` element is root; file is its path from the project root. */
    public constructor(
        root: XmlElement,
        public readonly file: string
    ) {
        this.apiName = flowTestApiName(file);
        this.line = root.line;
        this.flowApiName = textOf(root, 'FlowTest', 'flowApiName');
        this.label = childText(root, 'label');
        this.description = childText(root, 'description');
        this.testType = childText(root, 'testType')?.trim();
        this.testPoints = children(root, 'testPoints').map((point) => {
            const path = childPath('FlowTest', root, point);
            return {
                line: point.line,
                path,
                ...present({ elementApiName: textOf(point, path, 'elementApiName') }),
                parameters: children(point, 'parameters').map((parameter) => {
                    const place = placeOf(point, path, parameter);
                    return {
                        ...place,
                        ...present({
                            leftValueReference: textOf(parameter, place.path, 'leftValueReference'),
                            type: textOf(parameter, place.path, 'type'),
                            value: valueOf(parameter, place.path, 'value')
                        })
                    };
                }),
                assertions: children(point, 'assertions').map((assertion) => {
                    const place = placeOf(point, path, assertion);
                    return {
                        ...place,
                        conditions: children(assertion, 'conditions').map((condition) => {
                            const conditionPlace = placeOf(assertion, place.path, condition);
                            return {
                                ...conditionPlace,
                                ...present({
                                    leftValueReference: textOf(
                                        condition,
                                        conditionPlace.path,
                                        'leftValueReference'
                                    ),
                                    operator: textOf(condition, conditionPlace.path, 'operator'),
                                    rightValue: valueOf(
                                        condition,
                                        conditionPlace.path,
                                        'rightValue'
                                    )
                                })
                            };
                        }),
                        ...present({ errorMessage: childText(assertion, 'errorMessage') })
                    };
                })
            };
        });
    }
}

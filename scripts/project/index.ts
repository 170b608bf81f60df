/**
 * The front door to a Salesforce DX project: its sfdx-project.json, read once through the
 * schema Salesforce publishes, and its files as source-deploy-retrieve places them. Every
 * command reads a project through here.
 */
export {
    packagedDirectory,
    PROJECT_FILE,
    readProjectConfig,
    sourceApiVersion,
    unpackagedDirectory
} from './config';
export type { PackageDirectory, ProjectConfig, ReadConfigOptions } from './config';
export { ProjectError } from './errors';
export { Project } from './project';
export type { ComponentIndex, ProjectLoadOptions, XmlDocument } from './project';
export type { Component } from './sourceIndex';

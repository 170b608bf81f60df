import { CREDENTIALS as C, PACKAGE_DIR } from './names';
import { metadataFile, type MetadataFile } from './types';

/**
 * The connection to the Calendly API v2. The External Credential uses Custom authentication with
 * one named principal: the admin adds to it an authentication parameter `Token` holding the
 * personal access token of a Calendly owner or admin, and the credential sends it as
 * `Authorization: Bearer <token>`. No token is ever in the package, in code or in a record.
 * The Named Credential is what Apex calls (`callout:Calendly/...`).
 *
 * To confirm in an org: the parameterGroup values Salesforce writes on retrieve, and that the
 * header formula resolves `$Credential.Calendly` in a subscriber org (where the credential's
 * name carries the package namespace).
 */
export function calendlyCredentials(): MetadataFile[] {
    return [
        metadataFile(
            `${PACKAGE_DIR}/externalCredentials/${C.external}.externalCredential-meta.xml`,
            'ExternalCredential',
            {
                authenticationProtocol: 'Custom',
                description: `Authenticates the Calendly link sync. Edit the ${C.principal} principal and add an authentication parameter named ${C.tokenParameter} whose value is the personal access token of a Calendly owner or admin; users with the Calendly Links Admin permission set can then use it.`,
                externalCredentialParameters: [
                    {
                        description:
                            'The Calendly owner or admin whose personal access token the sync uses.',
                        parameterGroup: C.principal,
                        parameterName: C.principal,
                        parameterType: 'NamedPrincipal',
                        sequenceNumber: 1
                    },
                    {
                        description: 'Sends the token as a bearer token on every callout.',
                        parameterGroup: 'DefaultGroup',
                        parameterName: 'Authorization',
                        parameterType: 'AuthHeader',
                        parameterValue: `{!'Bearer ' & $Credential.${C.external}.${C.tokenParameter}}`,
                        sequenceNumber: 1
                    }
                ],
                label: 'Calendly'
            }
        ),
        metadataFile(
            `${PACKAGE_DIR}/namedCredentials/${C.named}.namedCredential-meta.xml`,
            'NamedCredential',
            {
                allowMergeFieldsInBody: false,
                allowMergeFieldsInHeader: true,
                calloutStatus: 'Enabled',
                description:
                    'The Calendly API v2, authenticated by the Calendly external credential. The link sync reads the organization memberships and managed event types through it.',
                generateAuthorizationHeader: false,
                label: 'Calendly',
                namedCredentialParameters: [
                    { parameterName: 'Url', parameterType: 'Url', parameterValue: C.url },
                    {
                        externalCredential: C.external,
                        parameterName: 'ExternalCredential',
                        parameterType: 'Authentication'
                    }
                ],
                namedCredentialType: 'SecuredEndpoint'
            }
        )
    ];
}

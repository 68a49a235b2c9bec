// What the build puts in place of @aws-amplify/core's parseAmplifyConfig
// (see amplify-config-as-given.ts): a ResourcesConfig is returned as it is, as
// Amplify's own does; the two file formats it would convert are refused.
export const parseAmplifyConfig = (config) => {
  if (Object.keys(config).some((key) => key.startsWith('aws_')) || 'version' in config) {
    throw new Error(
      'This build passes Amplify a ResourcesConfig only; aws-exports and amplify_outputs ' +
        'files are not converted (build/amplify-config-as-given.ts).',
    )
  }
  return config
}

/** Returns a ResourcesConfig as given; throws on an aws-exports or amplify_outputs object. */
export declare function parseAmplifyConfig<Config extends object>(config: Config): Config

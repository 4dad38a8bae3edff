// The multi-platform build feature's entry point for the extension's activation.
export { registerBuildFeatures } from './registerBuildFeatures';

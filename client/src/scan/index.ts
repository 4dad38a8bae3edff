// The image scanning feature's entry point for the extension's activation.
export { registerScanFeatures } from './commands/registerScanFeatures';

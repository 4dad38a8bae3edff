// The ENV that common official base images define, so UndefinedVar knows variables a stage inherits without a registry.
import type { Stage } from '../../model/types';

const javaEnv = ['JAVA_HOME', 'JAVA_VERSION', 'LANG', 'LANGUAGE', 'LC_ALL'];

/** Repository → ENV names of its image (beyond PATH, which BuildKit always sets). */
const knownEnvironments: Readonly<Record<string, readonly string[]>> = {
  alpine: [],
  busybox: [],
  debian: [],
  ubuntu: [],
  fedora: [],
  almalinux: [],
  rockylinux: [],
  amazonlinux: [],
  python: ['LANG', 'GPG_KEY', 'PYTHON_VERSION', 'PYTHON_SHA256', 'PYTHON_PIP_VERSION', 'PYTHON_SETUPTOOLS_VERSION', 'PYTHON_GET_PIP_URL', 'PYTHON_GET_PIP_SHA256'],
  node: ['NODE_VERSION', 'YARN_VERSION'],
  golang: ['GOLANG_VERSION', 'GOTOOLCHAIN', 'GOPATH'],
  rust: ['RUSTUP_HOME', 'CARGO_HOME', 'RUST_VERSION'],
  ruby: ['LANG', 'RUBY_MAJOR', 'RUBY_VERSION', 'RUBY_DOWNLOAD_URL', 'RUBY_DOWNLOAD_SHA256', 'GEM_HOME', 'BUNDLE_SILENCE_ROOT_WARNING', 'BUNDLE_APP_CONFIG'],
  php: ['PHPIZE_DEPS', 'PHP_INI_DIR', 'APACHE_CONFDIR', 'APACHE_ENVVARS', 'PHP_CFLAGS', 'PHP_CPPFLAGS', 'PHP_LDFLAGS', 'GPG_KEYS', 'PHP_VERSION', 'PHP_URL', 'PHP_ASC_URL', 'PHP_SHA256'],
  openjdk: javaEnv,
  'eclipse-temurin': javaEnv,
  amazoncorretto: javaEnv,
  maven: [...javaEnv, 'MAVEN_HOME', 'MAVEN_CONFIG'],
  gradle: [...javaEnv, 'GRADLE_HOME', 'GRADLE_VERSION'],
  nginx: ['NGINX_VERSION', 'NJS_VERSION', 'NJS_RELEASE', 'PKG_RELEASE', 'DYNPKG_RELEASE'],
  httpd: ['HTTPD_PREFIX', 'HTTPD_VERSION', 'HTTPD_SHA256', 'HTTPD_PATCHES'],
  postgres: ['GOSU_VERSION', 'LANG', 'PG_MAJOR', 'PG_VERSION', 'PGDATA'],
  redis: ['REDIS_VERSION', 'REDIS_DOWNLOAD_URL', 'REDIS_DOWNLOAD_SHA'],
};

/** What a stage's root image contributes to its environment. */
export type ImageEnvironment =
  | { readonly kind: 'none' }
  | { readonly kind: 'known'; readonly names: readonly string[] }
  | { readonly kind: 'unknown' };

export function baseImageEnvironment(stage: Stage | undefined): ImageEnvironment {
  let root = stage;
  while (root?.baseStage) {
    root = root.baseStage;
  }
  if (!root) {
    return { kind: 'none' };
  }
  if (root.baseText.toLowerCase() === 'scratch') {
    return { kind: 'none' };
  }
  const image = root.baseImage;
  if (!image || image.registry !== undefined) {
    return { kind: 'unknown' };
  }
  const names = knownEnvironments[image.repository];
  return names ? { kind: 'known', names } : { kind: 'unknown' };
}
